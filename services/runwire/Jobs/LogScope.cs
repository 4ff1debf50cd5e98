using System.Collections;

namespace Runwire.Host.Jobs;

/// <summary>
/// A logging scope of named values: the JSON console formatter writes them as fields, the simple one as text.
/// Trace and span ids join them by themselves (ActivityTrackingOptions).
/// </summary>
internal sealed class LogScope(params KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static LogScope Job(Guid jobId) => new(KeyValuePair.Create("JobId", (object?)jobId.ToString("D")));

    public static LogScope Kafka(string? key, string record, string? traceId) => traceId is null
        ? new(KeyValuePair.Create("KafkaKey", (object?)key), KeyValuePair.Create("KafkaRecord", (object?)record))
        : new(KeyValuePair.Create("KafkaKey", (object?)key), KeyValuePair.Create("KafkaRecord", (object?)record),
            KeyValuePair.Create("TraceId", (object?)traceId));

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', values.Select(v => $"{v.Key}:{v.Value}"));
}
