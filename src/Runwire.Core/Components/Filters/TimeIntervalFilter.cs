using System.Text.Json.Nodes;
using Runwire.Core.Components.DataQuality;
using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Filters;

/// <summary>
/// The interval handling shared by "Select Time Intervals" and "Correct Time Intervals With Fixed Values": pydantic
/// validation of each interval (start/end compared as text, as hetida's model does) and the datetime mask of one interval.
/// </summary>
internal sealed class TimeIntervalFilter(string codeSha256, PydanticModel model, Func<Dictionary<string, object>, string?> rootCheck)
{
    public List<Dictionary<string, object>> Validate(object? intervals)
    {
        var items = intervals switch
        {
            JsonArray array => array.ToList(),
            // iterating a dict gives its keys, a string its characters: both fail as mappings below
            JsonObject obj => obj.Select(p => (JsonNode?)p.Key).ToList(),
            string text => text.Select(c => (JsonNode?)c.ToString()).ToList(),
            _ => throw PyException.TypeError($"'{Ordering.PyTypeName(intervals)}' object is not iterable"),
        };
        var errors = new List<string>();
        var result = new List<Dictionary<string, object>>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject fields)
            {
                throw ComponentErrors.NotAMapping(codeSha256, "TimeInterval", items[i]);
            }
            var (values, error) = model.Validate(fields);
            if (error is null && rootCheck(values) is { } problem)
            {
                error = model.RootError(problem);
            }
            if (error is null)
            {
                result.Add(values);
            }
            else
            {
                errors.Add($"TimeInterval {i}: {error}");
            }
        }
        if (errors.Count > 0)
        {
            throw ComponentErrors.InputValidation(
                "There were input validation errors for the list_of_time_intervals:\n" + string.Join("\n", errors), 422L, "list_of_time_intervals");
        }
        return result;
    }

    /// <summary>Which timestamps lie in the interval; TypeError as pandas for text it cannot compare with the index.</summary>
    public static bool[] Mask(DateTimeColumn index, Dictionary<string, object> interval)
    {
        var start = Bound(index, (string)interval["start"]);
        var end = Bound(index, (string)interval["end"]);
        var (startInclusive, endInclusive) = ((bool)interval["start_inclusive"], (bool)interval["end_inclusive"]);
        var nanos = EpochNanos.FromColumn(index);
        return
        [
            .. nanos.Select(t => t != EpochNanos.NaT
                && (startInclusive ? t >= start : t > start)
                && (endInclusive ? t <= end : t < end)),
        ];
    }

    private static long Bound(DateTimeColumn index, string text)
    {
        // pandas parses the string in the index' time zone; a string with an offset cannot meet a naive index
        if (!TimestampParser.TryParse(text, out var nanos, out var hasTimezone) || (hasTimezone && !index.IsUtc))
        {
            throw PyException.TypeError($"Invalid comparison between dtype={ComponentErrors.DtypeName(index)} and str");
        }
        return nanos;
    }
}
