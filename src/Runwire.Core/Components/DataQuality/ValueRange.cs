namespace Runwire.Core.Components.DataQuality;

/// <summary>A validated value range of the "Value Range Check" component.</summary>
internal sealed record ValueRange(double Min, bool MinInclusive, double Max, bool MaxInclusive)
{
    public ValueRange(Dictionary<string, object> values)
        : this((double)values["min_value"], (bool)values["min_value_inclusive"], (double)values["max_value"], (bool)values["max_value_inclusive"])
    {
    }

    /// <summary>The root validator's complaint about an empty range, or null.</summary>
    public static string? Problem(Dictionary<string, object> values)
    {
        var range = new ValueRange(values);
        if (range.Max < range.Min)
        {
            return "To be valid, a value range must be non-empty, i.e. min_value may not be bigger than max_value.";
        }
        return (!range.MinInclusive || !range.MaxInclusive) && !(range.Min < range.Max)
            ? "To be valid, a value range must be non-empty, i.e min_value must be smaller than max_value."
            : null;
    }

    public bool IsBelow(double value) => MinInclusive ? value < Min : value <= Min;

    public bool IsAbove(double value) => MaxInclusive ? value > Max : value >= Max;
}
