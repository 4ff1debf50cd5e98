using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Runwire.ServiceDefaults.Health;

/// <summary>Readiness: the app's Dapr sidecar answers its outbound health endpoint.</summary>
internal sealed class DaprSidecarHealthCheck(DaprSidecar sidecar) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await sidecar.CheckAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["endpoint"] = state.Endpoint.ToString() };
        return state.Ready
            ? HealthCheckResult.Healthy(state.Description, data)
            : HealthCheckResult.Unhealthy(state.Description, data: data);
    }
}
