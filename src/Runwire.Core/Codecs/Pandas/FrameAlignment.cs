using Runwire.Core.Codecs.Json;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// Aligns dicts the way the DataFrame constructor does: the union of their keys in order of first appearance, and
/// for each dict its value per key (-1, i.e. NaN, where it has none); scalars in place of a dict are broadcast.
/// </summary>
internal static class FrameAlignment
{
    public static (int[] Keys, Cells[] PerOuter) Align(JsonTape tape, int[] outer)
    {
        if (SameKeys(tape, outer) is { } same)
        {
            return same;
        }
        var positions = new Dictionary<int, int>(new TapeKeyComparer(tape));
        var keys = new List<int>();
        var entries = new (int[] Keys, int[] Values)[outer.Length];
        for (var o = 0; o < outer.Length; o++)
        {
            entries[o] = tape.Kind(outer[o]) == TapeKind.Object ? TapeObjects.Entries(tape, outer[o]) : ([], []);
            foreach (var key in entries[o].Keys)
            {
                if (positions.TryAdd(key, keys.Count))
                {
                    keys.Add(key);
                }
            }
        }
        var result = new Cells[outer.Length];
        for (var o = 0; o < outer.Length; o++)
        {
            var cells = new int[keys.Count];
            Array.Fill(cells, tape.Kind(outer[o]) == TapeKind.Object ? -1 : outer[o]);
            for (var k = 0; k < entries[o].Keys.Length; k++)
            {
                cells[positions[entries[o].Keys[k]]] = entries[o].Values[k];
            }
            result[o] = Cells.Of(tape, cells);
        }
        return ([.. keys], result);
    }

    // hetida's own columns-orient output repeats the same keys in every column: no hashing needed then.
    private static (int[] Keys, Cells[] PerOuter)? SameKeys(JsonTape tape, int[] outer)
    {
        if (outer.Any(o => tape.Kind(o) != TapeKind.Object))
        {
            return null;
        }
        var first = TapeObjects.Entries(tape, outer[0]);
        var result = new Cells[outer.Length];
        result[0] = Cells.Of(tape, first.Values);
        for (var o = 1; o < outer.Length; o++)
        {
            var (keys, values) = TapeObjects.Entries(tape, outer[o]);
            if (keys.Length != first.Keys.Length)
            {
                return null;
            }
            for (var k = 0; k < keys.Length; k++)
            {
                if (!tape.Utf8(keys[k]).SequenceEqual(tape.Utf8(first.Keys[k])))
                {
                    return null;
                }
            }
            result[o] = Cells.Of(tape, values);
        }
        return (first.Keys, result);
    }
}
