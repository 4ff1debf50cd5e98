namespace Runwire.Core.Contracts;

/// <summary>
/// Checks a wiring against the transformation's inputs and outputs like hetida's
/// <c>WorkflowExecutionInput.check_wiring_complete</c> (spec §1c, rules 1-4), which stops at the first failing rule.
/// </summary>
public static class WiringValidator
{
    /// <summary>
    /// Returns the wiring with an implicit direct_provisioning wiring (<c>adapter_id</c> 1) appended for every
    /// unwired output, in the transformation's output order; throws <see cref="WiringValidationException"/>.
    /// </summary>
    public static WorkflowWiring Complete(WorkflowWiring wiring, IReadOnlyList<IoInput> inputs, IReadOnlyList<IoOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(wiring);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var wiredInputs = wiring.InputWirings.Select(w => w.WorkflowInputName).ToHashSet(StringComparer.Ordinal);
        foreach (var input in inputs.Where(i => i.Required && !wiredInputs.Contains(i.Name)))
        {
            throw new WiringValidationException($"Wiring Incomplete: Workflow Input '{input.Name}' has no wiring!", wiring);
        }
        var inputNames = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        // hetida walks a Python set here, so with several unknown names the one it reports is arbitrary;
        // Runwire reports the first in wiring order.
        foreach (var name in wiring.InputWirings.Select(w => w.WorkflowInputName).Where(n => !inputNames.Contains(n)))
        {
            throw new WiringValidationException($"Wiring does not match: There is no workflow input '{name}'!", wiring);
        }
        var wiredOutputs = wiring.OutputWirings.Select(w => w.WorkflowOutputName).ToHashSet(StringComparer.Ordinal);
        var implicitOutputs = outputs.Where(o => !wiredOutputs.Contains(o.Name))
            .Select(o => new OutputWiring(o.Name, new AdapterId("1", IsInteger: true)));
        var completed = wiring with { OutputWirings = [.. wiring.OutputWirings, .. implicitOutputs] };
        var outputNames = outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in wiring.OutputWirings.Select(w => w.WorkflowOutputName).Where(n => !outputNames.Contains(n)))
        {
            throw new WiringValidationException($"Wiring does not match: There is no workflow output '{name}'!", completed);
        }
        return completed;
    }
}
