namespace Runwire.ServiceDefaults.Health;

/// <summary>What the last look at the Dapr sidecar found: ready, or not with the reason a user can act on.</summary>
public sealed record SidecarState(bool Ready, string Description, Uri Endpoint);
