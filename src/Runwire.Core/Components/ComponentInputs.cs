using Runwire.Core.Data;

namespace Runwire.Core.Components;

/// <summary>The keyword arguments of one component call: input name to value (engine value model).</summary>
public sealed class ComponentInputs(IReadOnlyDictionary<string, object?> values, IReadOnlySet<string>? usedOutputs = null)
{
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    /// <summary>
    /// Whether anything downstream reads the output. A component may skip computing an unread output (and return
    /// null for it) when that changes nothing observable, e.g. prediction series that only a skipped plot would use.
    /// </summary>
    public bool IsOutputUsed(string name) => usedOutputs?.Contains(name) ?? true;

    public bool Has(string name) => Values.ContainsKey(name);

    /// <summary>The raw value of an input; a missing input is a programming error of the binding.</summary>
    public object? this[string name] =>
        Values.TryGetValue(name, out var v) ? v : throw new PyException("TypeError", $"main() missing 1 required keyword-only argument: '{name}'");

    public object? GetOrDefault(string name, object? fallback) => Values.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>The input as a Series; TypeError when it is something else.</summary>
    public Series Series(string name) => this[name] as Series
        ?? throw PyException.TypeError($"{name} must be a pandas Series, got {Ordering.PyTypeName(this[name])}.");

    /// <summary>The input as a DataFrame; TypeError when it is something else.</summary>
    public DataFrame Frame(string name) => this[name] as DataFrame
        ?? throw PyException.TypeError($"{name} must be a pandas DataFrame, got {Ordering.PyTypeName(this[name])}.");

    /// <summary>The input as a Python int or float, widened to double.</summary>
    public double Number(string name) => this[name] switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        var other => throw PyException.TypeError($"{name} must be a number, got {Ordering.PyTypeName(other)}."),
    };

    public long Int(string name) => this[name] switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        var other => throw PyException.TypeError($"{name} must be an int, got {Ordering.PyTypeName(other)}."),
    };

    public string String(string name) => this[name] as string
        ?? throw PyException.TypeError($"{name} must be a str, got {Ordering.PyTypeName(this[name])}.");

    public bool Bool(string name) => this[name] is bool b
        ? b
        : throw PyException.TypeError($"{name} must be a bool, got {Ordering.PyTypeName(this[name])}.");
}
