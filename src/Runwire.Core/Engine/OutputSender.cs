using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Telemetry;

namespace Runwire.Core.Engine;

/// <summary>Stage SENDING_DATA_TO_ADAPTERS: hand outputs wired to other adapters than direct_provisioning to their sinks.</summary>
internal static class OutputSender
{
    public static async Task SendAsync(
        List<(OutputWiring Wiring, DataType Type, object? Value)> outputs, AdapterRegistry adapters, AdapterContext context, CancellationToken ct)
    {
        foreach (var group in outputs.GroupBy(o => o.Wiring.AdapterId))
        {
            using var span = InputLoader.AdapterSpan(RunwireTelemetry.Spans.Send, group.Key.Value, RunwireTelemetry.Tags.Outputs,
                group.Select(o => o.Wiring.WorkflowOutputName));
            var sink = group.Key.IsInteger ? null : adapters.FindSink(group.Key.Value);
            if (sink is null)
            {
                span.Fail(group.Key.IsInteger ? "AdapterUnknownError" : "AdapterHandlingException", nameof(ProcessStage.SENDING_DATA_TO_ADAPTERS));
                throw Failure(group.Key.IsInteger ? "AdapterUnknownError" : "AdapterHandlingException",
                    group.Key.IsInteger ? $"Unknown adapter with id {group.Key.Value}." : adapters.MissingMessage(group.Key.Value));
            }
            try
            {
                await sink.SendAsync([.. group.Select(o => new SinkRequest(o.Wiring, o.Type, o.Value))], context, ct).ConfigureAwait(false);
            }
            catch (AdapterException e)
            {
                span.Fail(e.TypeName, nameof(ProcessStage.SENDING_DATA_TO_ADAPTERS));
                throw Failure(e.TypeName, e.Message, e);
            }
        }
    }

    private static ExecutionFailureException Failure(string type, string message, Exception? cause = null) =>
        new(new ExecutionError(type, message, ProcessStage.SENDING_DATA_TO_ADAPTERS), cause);
}
