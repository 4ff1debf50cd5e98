using Dapr.Workflow;
using Grpc.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;

namespace Runwire.Ingest.Health;

/// <summary>
/// Readiness: daprd's workflow engine answers a status query over gRPC. It fails when the sidecar is missing, and when
/// the sidecar runs without an actor state store or placement, which the workflows need (dapr-notes §7.3).
/// </summary>
internal sealed class WorkflowRuntimeHealthCheck(IDaprWorkflowClient workflows, IConfiguration configuration) : IHealthCheck
{
    /// <summary>No workflow has this id (job ids are GUIDs), so the engine answers "not found" when it works.</summary>
    internal const string ProbeInstanceId = "runwire-readiness-probe";
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoint = Dapr.DaprDefaults.GetDefaultGrpcEndpoint(configuration);
        var data = new Dictionary<string, object> { ["endpoint"] = endpoint };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var quiet = SuppressInstrumentationScope.Begin();
        try
        {
            await workflows.GetWorkflowStateAsync(ProbeInstanceId, false, timeout.Token).ConfigureAwait(false);
        }
        // Older clients answer a missing instance with these (JobScheduler.ExistsAsync reads them the same way): the engine answered.
        catch (Exception e) when (e is RpcException { StatusCode: StatusCode.NotFound } or InvalidOperationException)
        {
        }
        // Dapr's workflow client waits for the channel to connect, so a missing sidecar ends in our timeout, which gRPC reports as Cancelled.
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }
            && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(
                $"The Dapr workflow engine at {endpoint} did not answer a status query within {Timeout.TotalSeconds:0} s.", data: data);
        }
        catch (RpcException e)
        {
            return HealthCheckResult.Unhealthy(
                $"The Dapr workflow engine at {endpoint} does not answer: {e.StatusCode} {e.Status.Detail}", data: data);
        }
        return HealthCheckResult.Healthy($"The Dapr workflow engine at {endpoint} answers.", data);
    }
}
