using System.Collections;

namespace Runwire.ServiceDefaults;

/// <summary>
/// A logging scope of named values (a job's <c>JobId</c>, <c>KafkaKey</c>, …): the JSON console formatter writes them
/// as fields, the simple one prints <see cref="ToString"/>. Trace and span ids join them by themselves
/// (ActivityTrackingOptions, set in <see cref="ServiceDefaultsExtensions.AddServiceDefaults"/>).
/// </summary>
public sealed class LogScope(params KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    /// <summary>A scope of name/value pairs.</summary>
    public static LogScope Of(params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pairs = new KeyValuePair<string, object?>[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            pairs[i] = KeyValuePair.Create(values[i].Name, values[i].Value);
        }
        return new LogScope(pairs);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', values.Select(v => $"{v.Key}:{v.Value}"));
}
