using Runwire.Core.Data;

namespace Runwire.Core.Components.DataQuality;

/// <summary>
/// "Fixed Replacement Value" (hetida .py component): a series of the replacement value over the gap timestamps, taken
/// from the index or, when the index holds no timestamps, from the values.
/// </summary>
public sealed class FixedReplacementValue : IComponent
{
    public Guid Id { get; } = new("82024fd1-b1a0-409d-a337-1db4330aa268");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var gaps = inputs.Series("gap_timestamps");
        var indexDates = gaps.Index as DateTimeColumn;
        var valueDates = gaps.Values as DateTimeColumn;
        if (indexDates is null && valueDates is null)
        {
            throw ComponentErrors.InputValidation("No index or data of dtype datetime64 was found.", 422L, "gap_timestamps");
        }
        if (indexDates is not null && valueDates is not null && !SameTimestamps(indexDates, valueDates))
        {
            throw ComponentErrors.InputValidation("Found conflicting timestamp data for replacement values.", 422L, "gap_timestamps");
        }
        Column index = indexDates ?? valueDates!;
        Column values = inputs["replacement_value"] switch
        {
            long l => new Int64Column([.. Enumerable.Repeat(l, index.Length)]),
            _ => new Float64Column([.. Enumerable.Repeat(inputs.Number("replacement_value"), index.Length)]),
        };
        return new Dictionary<string, object?> { ["replacement_value_series"] = new Series(index, values) };
    }

    // numpy's elementwise ==: NaT never equals, tz-aware never equals naive
    private static bool SameTimestamps(DateTimeColumn a, DateTimeColumn b) =>
        a.IsUtc == b.IsUtc && a.Ticks.Zip(b.Ticks).All(p => p.First == p.Second && p.First != DateTimeColumn.NaT);
}
