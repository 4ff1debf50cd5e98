using System.Text.Json.Nodes;
using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Select Column from DataFrame": <c>dataframe[column]</c> (KeyError for an unknown column).</summary>
public sealed class SelectColumnFromDataFrame : IComponent
{
    public Guid Id { get; } = new("a652465e-b479-1cc9-bf82-41f7cedc4963");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var column = inputs["column"];
        object? selected = inputs["dataframe"] switch
        {
            DataFrame f when column is string name => f[name],
            DataFrame => throw PyException.KeyError(PyText.Repr(column)),
            // outside workflows' declared types the expression is plain Python indexing
            JsonObject dict when column is string key => dict.TryGetPropertyValue(key, out var v) ? PyValue.FromJson(v) : throw PyException.KeyError(PyText.Repr(key)),
            JsonArray => throw PyException.TypeError($"list indices must be integers or slices, not {PyValue.TypeName(column)}"),
            string => throw PyException.TypeError("string indices must be integers"),
            Series => throw PyErrors.NotSupported("selecting a label from a Series"),
            var other => throw PyException.TypeError($"'{PyValue.TypeName(other)}' object is not subscriptable"),
        };
        return new Dictionary<string, object?> { ["column_series"] = selected };
    }
}
