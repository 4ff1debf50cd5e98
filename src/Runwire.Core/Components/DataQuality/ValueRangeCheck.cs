using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.DataQuality;

/// <summary>
/// "Value Range Check" (hetida .py component): for the non-NaN points, one bool column per named value range plus
/// "&lt;name&gt;_IS_BELOW"/"_IS_ABOVE", "_violates_all", "_violates_any" and the timestamps as "_timestamp".
/// </summary>
public sealed class ValueRangeCheck : IComponent
{
    private const string CodeSha256 = "fd925157942a0bde8f01d4ca1e1900e74494a46aeae36bbdb5dfa9be500ae775";

    private static readonly PydanticModel Model = new(
        "ValueRange",
        new PydanticField("min_value", PydanticType.Float),
        new PydanticField("min_value_inclusive", PydanticType.Bool, true),
        new PydanticField("max_value", PydanticType.Float),
        new PydanticField("max_value_inclusive", PydanticType.Bool, true));

    public Guid Id { get; } = new("3cf8e12d-2fea-40d9-bc4b-015bddf66828");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("timeseries_data");
        if (series.Values.Kind is not (ColumnKind.Float64 or ColumnKind.Int64))
        {
            throw ComponentErrors.InputValidation(
                "To determine whether time series entries are in a value range, their dtype must be float or int, while it is "
                + ComponentErrors.DtypeName(series.Values), 422L, "timeseries_data");
        }
        var ranges = Ranges(inputs["value_range_dict"]);
        return new Dictionary<string, object?> { ["is_included_frame"] = ValueRangeFrame.Build(series.DropNa(), ranges) };
    }

    private static List<(string Name, ValueRange Range)> Ranges(object? input)
    {
        if (input is not JsonObject dict)
        {
            throw new PyException("AttributeError", $"'{Ordering.PyTypeName(input)}' object has no attribute 'items'");
        }
        // Python dicts keep the first insertion position when a value is replaced
        var errors = new OrderedDictionary<string, string>();
        var ranges = new List<(string, ValueRange)>();
        foreach (var (name, value) in dict)
        {
            if (name.EndsWith("_IS_BELOW", StringComparison.Ordinal) || name.EndsWith("_IS_ABOVE", StringComparison.Ordinal))
            {
                errors[name] = "Range names must not end with '_IS_BELOW' or '_IS_ABOVE'! ";
            }
            if (name is "_violates_all" or "_violates_any" or "_timestamp")
            {
                errors[name] = "Range names must not be '_violates_all', '_violates_any', or '_timestamp'!";
            }
            if (value is not JsonObject fields)
            {
                throw ComponentErrors.NotAMapping(CodeSha256, "ValueRange", value);
            }
            var (values, error) = Model.Validate(fields);
            if (error is null && ValueRange.Problem(values) is { } problem)
            {
                error = Model.RootError(problem);
            }
            if (error is null)
            {
                ranges.Add((name, new ValueRange(values)));
            }
            else
            {
                errors[name] = error;
            }
        }
        if (errors.Count > 0)
        {
            throw ComponentErrors.InputValidation(
                "There were input validation errors for the value_range_dict:\n" + string.Join("\n", errors.Select(e => $"{e.Key}: {e.Value}")),
                422L, "value_range_dict");
        }
        return ranges;
    }
}
