using Runwire.Core.Codecs.Json;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// pandas 1.5 <c>read_json(typ="series")</c> on a parsed document: a dict gives index and values, a list values over
/// a RangeIndex, a scalar a one-element series, <c>null</c> an empty one; <c>orient="split"</c> reads
/// <c>{name, index, data}</c>. The index is converted like an axis, the values like data (dates included).
/// </summary>
internal static class SeriesReader
{
    public static Series Read(JsonTape tape, int token, ReadJsonOptions options)
    {
        if (options.IsSplit)
        {
            return ReadSplit(tape, token, options);
        }
        Cells? index = null;
        int[] values;
        switch (tape.Kind(token))
        {
            case TapeKind.Object:
                var (keys, entries) = TapeObjects.Entries(tape, token);
                index = Cells.Of(tape, keys);
                values = entries;
                break;
            case TapeKind.Array:
                values = tape.Elements(token);
                break;
            case TapeKind.Null:
                index = Cells.Of(tape, []);
                values = [];
                break;
            default:
                values = [token];
                break;
        }
        var indexColumn = index is null ? Column.Range(values.Length) : Axis(index, options, keepDtype: false);
        return new Series(indexColumn, Values(Cells.Of(tape, values), options));
    }

    private static Series ReadSplit(JsonTape tape, int token, ReadJsonOptions options)
    {
        if (tape.Kind(token) != TapeKind.Object)
        {
            throw new ReadJsonException("'list' object has no attribute 'items'");
        }
        var (keys, entries) = TapeObjects.Entries(tape, token);
        int name = -1, index = -1, data = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            switch (tape.GetString(keys[i]))
            {
                case "name": name = entries[i]; break;
                case "index": index = entries[i]; break;
                case "data": data = entries[i]; break;
                default: throw new ReadJsonException($"JSON data had unexpected key(s): {tape.GetString(keys[i])}");
            }
        }
        if (data < 0 || (index >= 0 && tape.Kind(index) != TapeKind.Array))
        {
            throw new ReadJsonException("unsupported split layout");
        }
        var indexTokens = index >= 0 ? tape.Elements(index) : null;
        var dataTokens = tape.Kind(data) == TapeKind.Array ? tape.Elements(data)
            : tape.Kind(data) == TapeKind.Object ? throw new ReadJsonException("unsupported split layout")
            : Enumerable.Repeat(data, indexTokens?.Length ?? 1).ToArray();
        if (indexTokens is not null && indexTokens.Length != dataTokens.Length)
        {
            throw new ReadJsonException($"Length of values ({dataTokens.Length}) does not match length of index ({indexTokens.Length})");
        }
        var indexColumn = indexTokens is null ? Column.Range(dataTokens.Length) : Axis(Cells.Of(tape, indexTokens), options, keepDtype: true);
        var seriesName = name < 0 || tape.Kind(name) == TapeKind.Null ? null : PyFormat.Str(PyJson.ToValue(tape, name));
        return new Series(indexColumn, Values(Cells.Of(tape, dataTokens), options), seriesName);
    }

    private static Column Axis(Cells labels, ReadJsonOptions options, bool keepDtype) =>
        options.ConvertAxes ? Dtypes.ConvertAxis(labels, keepDtype, options.Units) : Dtypes.Materialize(labels, labels.Dtype);

    private static Column Values(Cells values, ReadJsonOptions options) =>
        options.Dtype ? Dtypes.ConvertValues(values, options.ConvertDates, options.Units) : Dtypes.Materialize(values, values.Dtype);
}
