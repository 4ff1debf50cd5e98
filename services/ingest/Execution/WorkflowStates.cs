using Dapr.Workflow;
using Grpc.Core;

namespace Runwire.Ingest.Execution;

/// <summary>Reads a job's workflow instance, finished ones too; null when there is none (never started, or purged).</summary>
internal static class WorkflowStates
{
    public static async Task<WorkflowState?> FindAsync(IDaprWorkflowClient workflows, string id, bool withPayloads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        try
        {
            var state = await workflows.GetWorkflowStateAsync(id, withPayloads, ct).ConfigureAwait(false);
            return state is { Exists: true } ? state : null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
