using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Sum Columns": the row sums <c>dataframe.sum(axis=1)</c> (NaN skipped) as a Series named <c>result_series_name</c>.</summary>
public sealed class SumColumns : IComponent
{
    public Guid Id { get; } = new("619cbd38-26b4-3d5e-14a0-721224b13bc7");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs["dataframe"] switch
        {
            DataFrame f => f,
            Series => throw PyException.ValueError("No axis named 1 for object type Series"),
            var other => throw PyErrors.NoAttribute(other, "sum"),
        };
        var name = inputs["result_series_name"] is { } n ? PyText.Str(n) : null;
        // pandas 1.5.3 does not carry .attrs into this reduction.
        return new Dictionary<string, object?> { ["sum_values"] = new Series(frame.Index, PandasReductions.RowSums(frame), name) };
    }
}
