namespace Runwire.Core.Codecs.Json;

/// <summary>
/// Python dict semantics over tape objects: a repeated key keeps its first position and takes the last value.
/// Keys that arrive in strictly increasing byte order (time series usually do) cannot repeat and skip the hashing.
/// </summary>
internal static class TapeObjects
{
    /// <summary>Key tokens and value tokens of an object, duplicates merged.</summary>
    public static (int[] Keys, int[] Values) Entries(JsonTape tape, int obj)
    {
        var count = tape.Count(obj);
        var keys = new int[count];
        var values = new int[count];
        var t = obj + 1;
        var increasing = true;
        for (var i = 0; i < count; i++)
        {
            keys[i] = t;
            values[i] = t + 1;
            increasing &= i == 0 || tape.Utf8(keys[i - 1]).SequenceCompareTo(tape.Utf8(t)) < 0;
            t = tape.Skip(t + 1);
        }
        return increasing ? (keys, values) : Merge(tape, keys, values);
    }

    private static (int[] Keys, int[] Values) Merge(JsonTape tape, int[] keys, int[] values)
    {
        var positions = new Dictionary<int, int>(keys.Length, new TapeKeyComparer(tape));
        var mergedKeys = new List<int>(keys.Length);
        var mergedValues = new List<int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            if (positions.TryGetValue(keys[i], out var at))
            {
                mergedValues[at] = values[i];
                continue;
            }
            positions[keys[i]] = mergedKeys.Count;
            mergedKeys.Add(keys[i]);
            mergedValues.Add(values[i]);
        }
        return ([.. mergedKeys], [.. mergedValues]);
    }

    /// <summary>The value token of a key in an object (the last one when repeated); -1 when absent.</summary>
    public static int Find(JsonTape tape, int obj, ReadOnlySpan<byte> key)
    {
        var found = -1;
        for (var t = obj + 1; t < tape.Skip(obj); t = tape.Skip(t + 1))
        {
            if (tape.Utf8(t).SequenceEqual(key))
            {
                found = t + 1;
            }
        }
        return found;
    }
}
