using Runwire.Core.Components.DataQuality;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Filters;

/// <summary>
/// "Correct Time Intervals With Fixed Values" (hetida .py component): every point in an interval gets that interval's
/// correction value (later intervals win). An int series stays int while the values are whole numbers, as pandas keeps it.
/// </summary>
public sealed class CorrectTimeIntervalsWithFixedValues : IComponent
{
    private static readonly TimeIntervalFilter Intervals = new(
        "c13ca32013ebb5d20fc7ef72cf5f6c56a4ab1f152c07ecc3da08d18ac71b4be8",
        new PydanticModel(
            "TimeInterval",
            new PydanticField("start", PydanticType.Str),
            new PydanticField("end", PydanticType.Str),
            new PydanticField("correction_value", PydanticType.Float),
            new PydanticField("start_inclusive", PydanticType.Bool, true),
            new PydanticField("end_inclusive", PydanticType.Bool, true)),
        RootProblem);

    public Guid Id { get; } = new("504a01aa-12a2-472b-995c-0676af66b07c");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        if (series.Index is not DateTimeColumn index)
        {
            throw ComponentErrors.InputValidation(
                "The index of the provided series does not have the datatype DatetimeIndex.", "not a time-series like object", "series");
        }
        var values = series.Values;
        foreach (var interval in Intervals.Validate(inputs["list_of_time_intervals"]))
        {
            values = Assign(values, TimeIntervalFilter.Mask(index, interval), (double)interval["correction_value"]);
        }
        return new Dictionary<string, object?> { ["corrected"] = series.WithValues(values) };
    }

    // pandas' ser[mask] = value: int64 holds whole numbers, otherwise the column becomes float64 (bool/object: object)
    private static Column Assign(Column column, bool[] mask, double value)
    {
        if (!mask.Contains(true))
        {
            return column;
        }
        switch (column)
        {
            case Int64Column ints when double.IsFinite(value) && value == Math.Floor(value):
                return new Int64Column([.. ints.Values.Select((v, i) => mask[i] ? (long)value : v)]);
            case Int64Column or Float64Column:
                var doubles = column.ToDoubles();
                return new Float64Column([.. doubles.Select((v, i) => mask[i] ? value : v)]);
            case DateTimeColumn:
                throw PyException.TypeError($"value should be a 'Timestamp', 'NaT', or array of those. Got 'float' instead.");
            default:
                return new ObjectColumn([.. Enumerable.Range(0, column.Length).Select(i => mask[i] ? value : column.GetValue(i))]);
        }
    }

    private static string? RootProblem(Dictionary<string, object> values)
    {
        var (start, end) = ((string)values["start"], (string)values["end"]);
        if (string.CompareOrdinal(end, start) < 0)
        {
            return "To be valid, a time interval must be non-empty, i.e. the start timestamp may not be later than the end timestamp.";
        }
        return (!(bool)values["start_inclusive"] || !(bool)values["end_inclusive"]) && start == end
            ? "To be valid, a time interval must be non-empty, i.e the start timestamp must be not equal to the end timestamp, when at least one boundary is not inclusive."
            : null;
    }
}
