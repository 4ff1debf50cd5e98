using System.Collections;

namespace Runwire.Ingest;

/// <summary>
/// The log scope of one job's work: every line written inside it carries <c>JobId</c> and <c>KafkaKey</c> as fields
/// (the trace and span ids come from the logging's ActivityTrackingOptions).
/// </summary>
internal sealed class JobScope(string jobId, string? kafkaKey) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("JobId", jobId),
        1 => new("KafkaKey", kafkaKey),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The simple console formatter prints a scope's ToString.
    public override string ToString() => $"JobId:{jobId} KafkaKey:{kafkaKey}";
}
