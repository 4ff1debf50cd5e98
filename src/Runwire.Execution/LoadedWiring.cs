using Runwire.Core.Contracts;

namespace Runwire.Execution;

/// <summary>
/// Rewrites a completed wiring for the "run" step: inputs the orchestrator loaded become direct_provisioning values
/// (so they are parsed exactly like inline data), and outputs it will send become direct_provisioning outputs
/// (so they come back in the result instead of going to an adapter from here).
/// </summary>
internal static class LoadedWiring
{
    public static WorkflowWiring Apply(WorkflowWiring completed, IReadOnlyDictionary<string, string> loaded, IReadOnlyList<string> sinks)
    {
        var inputs = completed.InputWirings
            .Select(w => loaded.TryGetValue(w.WorkflowInputName, out var text)
                ? new InputWiring(w.WorkflowInputName, AdapterId.DirectProvisioning, Filters: new Dictionary<string, string> { ["value"] = text })
                : w)
            .ToList();
        var outputs = completed.OutputWirings
            .Select(w => sinks.Contains(w.WorkflowOutputName) ? new OutputWiring(w.WorkflowOutputName, AdapterId.DirectProvisioning) : w)
            .ToList();
        return new WorkflowWiring(inputs, outputs);
    }
}
