namespace Runwire.ServiceDefaults.Health;

/// <summary>
/// Which endpoint runs a health check. <c>/healthz/live</c> runs only <see cref="Live"/> checks (none today: a host that
/// answers HTTP is alive, and restarting it would not bring back a sidecar or a broker). <c>/healthz/ready</c> runs every
/// check. <c>/healthz</c> runs every check that is not <see cref="Ready"/>, as it did before readiness existed.
/// </summary>
public static class HealthTags
{
    public const string Live = "live";

    /// <summary>A dependency without which the host cannot do its work (sidecar, store, workflow engine).</summary>
    public const string Ready = "ready";
}
