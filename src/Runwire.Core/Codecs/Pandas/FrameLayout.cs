using Runwire.Core.Codecs.Json;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// The DataFrame constructor on what <c>ujson.loads</c> returns: a dict of dicts (index = union of inner keys in
/// order of appearance), a dict of lists (RangeIndex; scalars broadcast), a list of dicts (records), a list of lists
/// or scalars; and <c>from_dict(orient="index")</c> for <c>orient="index"</c>.
/// </summary>
internal static class FrameLayout
{
    public static RawFrame Columns(JsonTape tape, int token)
    {
        switch (tape.Kind(token))
        {
            case TapeKind.Null:
                return RawFrame.Empty(Cells.Of(tape, []));
            case TapeKind.Array:
                return FromList(tape, tape.Elements(token));
            case TapeKind.Object:
                break;
            default:
                throw new ReadJsonException("DataFrame constructor not properly called!");
        }
        var (labels, values) = TapeObjects.Entries(tape, token);
        if (labels.Length == 0)
        {
            return RawFrame.Empty(Cells.Of(tape, []));
        }
        var dicts = values.Count(v => tape.Kind(v) == TapeKind.Object);
        var lists = values.Count(v => tape.Kind(v) == TapeKind.Array);
        if (dicts > 0 && lists > 0)
        {
            throw new ReadJsonException("Mixing dicts with non-Series may lead to ambiguous ordering.");
        }
        if (dicts > 0)
        {
            var (rows, columns) = FrameAlignment.Align(tape, values);
            return new RawFrame(rows.Length, Cells.Of(tape, rows), Cells.Of(tape, labels), columns);
        }
        if (lists == 0)
        {
            throw new ReadJsonException("If using all scalar values, you must pass an index");
        }
        var length = tape.Count(values.First(v => tape.Kind(v) == TapeKind.Array));
        var cells = values.Select(v => tape.Kind(v) == TapeKind.Array
            ? (tape.Count(v) == length ? tape.Elements(v) : throw new ReadJsonException("All arrays must be of the same length"))
            : Enumerable.Repeat(v, length).ToArray());
        return new RawFrame(length, null, Cells.Of(tape, labels), [.. cells.Select(c => Cells.Of(tape, c))]);
    }

    /// <summary><c>DataFrame.from_dict(d, orient="index")</c>: outer keys are rows, inner keys columns.</summary>
    public static RawFrame Index(JsonTape tape, int token)
    {
        if (tape.Kind(token) != TapeKind.Object)
        {
            throw new ReadJsonException("orient='index' needs a dict");
        }
        var (rows, values) = TapeObjects.Entries(tape, token);
        if (values.Any(v => tape.Kind(v) != TapeKind.Object))
        {
            throw new ReadJsonException("orient='index' needs a dict of dicts");
        }
        var (labels, byRow) = FrameAlignment.Align(tape, values);
        var columns = new Cells[labels.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = Cells.Of(tape, [.. byRow.Select(row => row.Tokens[c])]);
        }
        return new RawFrame(rows.Length, Cells.Of(tape, rows), Cells.Of(tape, labels), columns);
    }

    private static RawFrame FromList(JsonTape tape, int[] items)
    {
        if (items.Length == 0)
        {
            return RawFrame.Empty(Cells.Of(tape, []));
        }
        if (items.All(i => tape.Kind(i) == TapeKind.Object))
        {
            var (labels, columns) = FrameAlignment.Align(tape, items);
            var byColumn = new Cells[labels.Length];
            for (var c = 0; c < labels.Length; c++)
            {
                byColumn[c] = Cells.Of(tape, [.. columns.Select(row => row.Tokens[c])]);
            }
            return new RawFrame(items.Length, null, Cells.Of(tape, labels), byColumn);
        }
        if (items.All(i => tape.Kind(i) == TapeKind.Array))
        {
            var rows = items.Select(tape.Elements).ToArray();
            var width = rows.Max(r => r.Length);
            var columns = Enumerable.Range(0, width)
                .Select(c => Cells.Of(tape, [.. rows.Select(r => c < r.Length ? r[c] : -1)]));
            return new RawFrame(items.Length, null, null, [.. columns]);
        }
        if (items.Any(i => tape.Kind(i) is TapeKind.Object or TapeKind.Array))
        {
            throw new ReadJsonException("Mixing dicts with non-Series may lead to ambiguous ordering.");
        }
        return new RawFrame(items.Length, null, null, [Cells.Of(tape, items)]);
    }
}
