using Runwire.Core.Codecs.Json;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// pandas 1.5 <c>read_json(typ="frame")</c> on a parsed document: the constructor's layout (<see cref="FrameLayout"/>,
/// or <c>{columns, index, data}</c> for <c>orient="split"</c>), then axis conversion, date conversion of date-like
/// columns (<c>convert_dates</c>/<c>keep_default_dates</c>) and numeric coercion of every column.
/// </summary>
internal static class FrameReader
{
    public static DataFrame Read(JsonTape tape, int token, ReadJsonOptions options)
    {
        var raw = options.Orient switch
        {
            "split" => ReadSplit(tape, token),
            "index" => FrameLayout.Index(tape, token),
            _ => FrameLayout.Columns(tape, token),
        };
        var index = raw.Index is null ? Column.Range(raw.RowCount) : Axis(raw.Index, options, options.IsSplit);
        string[] names;
        bool[] namesAreText;
        if (raw.ColumnLabels is null)
        {
            names = [.. Enumerable.Range(0, raw.Columns.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            namesAreText = new bool[names.Length];
        }
        else
        {
            var labels = Axis(raw.ColumnLabels, options, keepDtype: false);
            names = PandasLabels.FormatAll(labels);
            namesAreText = [.. Enumerable.Range(0, labels.Length).Select(i => labels is ObjectColumn o && o.Values[i] is string)];
        }
        var columns = new Column[raw.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var tryDates = options.ConvertDates
                && (options.KeepDefaultDates && namesAreText[c] && IsDateLike(names[c]) || options.DateColumns.Contains(names[c]));
            var cells = raw.Columns[c];
            columns[c] = (tryDates ? DateConversion.TryConvert(cells, options.Units) : null)
                ?? (options.Dtype ? Dtypes.Numeric(cells) : Dtypes.Materialize(cells, cells.Dtype));
        }
        return new DataFrame(index, names, columns);
    }

    /// <summary>pandas' <c>is_ok</c> for default date columns.</summary>
    public static bool IsDateLike(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith("_at", StringComparison.Ordinal) || lower.EndsWith("_time", StringComparison.Ordinal)
            || lower is "modified" or "date" or "datetime" || lower.StartsWith("timestamp", StringComparison.Ordinal);
    }

    private static Column Axis(Cells labels, ReadJsonOptions options, bool keepDtype) =>
        options.ConvertAxes ? Dtypes.ConvertAxis(labels, keepDtype, options.Units) : Dtypes.Materialize(labels, labels.Dtype);

    private static RawFrame ReadSplit(JsonTape tape, int token)
    {
        if (tape.Kind(token) != TapeKind.Object)
        {
            throw new ReadJsonException("'list' object has no attribute 'items'");
        }
        var (keys, entries) = TapeObjects.Entries(tape, token);
        int columns = -1, index = -1, data = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            switch (tape.GetString(keys[i]))
            {
                case "columns": columns = entries[i]; break;
                case "index": index = entries[i]; break;
                case "data": data = entries[i]; break;
                default: throw new ReadJsonException($"JSON data had unexpected key(s): {tape.GetString(keys[i])}");
            }
        }
        if (data < 0 || tape.Kind(data) != TapeKind.Array || (columns >= 0 && tape.Kind(columns) != TapeKind.Array)
            || (index >= 0 && tape.Kind(index) != TapeKind.Array))
        {
            throw new ReadJsonException("unsupported split layout");
        }
        var rows = tape.Elements(data);
        if (rows.Any(r => tape.Kind(r) != TapeKind.Array))
        {
            throw new ReadJsonException("unsupported split layout");
        }
        var rowTokens = rows.Select(tape.Elements).ToArray();
        var labels = columns >= 0 ? tape.Elements(columns) : null;
        var width = labels?.Length ?? (rowTokens.Length == 0 ? 0 : rowTokens.Max(r => r.Length));
        if (rowTokens.Any(r => r.Length != width))
        {
            throw new ReadJsonException($"{width} columns passed, passed data had a different number of columns");
        }
        var indexTokens = index >= 0 ? tape.Elements(index) : null;
        if (indexTokens is not null && indexTokens.Length != rows.Length)
        {
            throw new ReadJsonException($"Shape of passed values is ({rows.Length}, {width}), indices imply ({indexTokens.Length}, {width})");
        }
        var cells = Enumerable.Range(0, width).Select(c => Cells.Of(tape, [.. rowTokens.Select(r => r[c])])).ToArray();
        return new RawFrame(rows.Length, indexTokens is null ? null : Cells.Of(tape, indexTokens),
            labels is null ? null : Cells.Of(tape, labels), cells);
    }
}
