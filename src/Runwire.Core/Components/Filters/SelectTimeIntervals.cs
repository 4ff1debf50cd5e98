using Runwire.Core.Components.DataQuality;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Filters;

/// <summary>"Select Time Intervals" (hetida .py component): a bool series, True for timestamps in any of the intervals.</summary>
public sealed class SelectTimeIntervals : IComponent
{
    private static readonly TimeIntervalFilter Intervals = new(
        "2fd25d701720997bc42338543dc530e67dc562b9847ac387be3ecc621f77ae66",
        new PydanticModel(
            "TimeInterval",
            new PydanticField("start", PydanticType.Str),
            new PydanticField("end", PydanticType.Str),
            new PydanticField("start_inclusive", PydanticType.Bool, true),
            new PydanticField("end_inclusive", PydanticType.Bool, true)),
        RootProblem);

    public Guid Id { get; } = new("994e8607-5eaa-43b1-b057-73d8d14e90dd");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        if (series.Index is not DateTimeColumn index)
        {
            throw ComponentErrors.InputValidation(
                "The index of the provided series does not have data type DateTimeIndex.", 422L, "series");
        }
        var intervals = Intervals.Validate(inputs["list_of_time_intervals"]);
        var selected = new bool[index.Length];
        foreach (var interval in intervals)
        {
            var mask = TimeIntervalFilter.Mask(index, interval);
            for (var i = 0; i < selected.Length; i++)
            {
                selected[i] |= mask[i];
            }
        }
        return new Dictionary<string, object?> { ["filter_series"] = new Series(index, new BoolColumn(selected)) };
    }

    private static string? RootProblem(Dictionary<string, object> values)
    {
        var (start, end) = ((string)values["start"], (string)values["end"]);
        if (string.CompareOrdinal(end, start) < 0)
        {
            return "To be valid, a time interval must be non-empty, i.e. the start timestamp may not be later than the end timestamp.";
        }
        return (!(bool)values["start_inclusive"] || !(bool)values["end_inclusive"]) && string.CompareOrdinal(start, end) >= 0
            ? "To be valid, a time interval must be non-empty, i.e the start timestamp must be earlier than the end timestamp."
            : null;
    }
}
