using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;
using Runwire.Core.Data;
using Runwire.DataAdapters.Frames;

namespace Runwire.DataAdapters.LocalFile;

/// <summary>
/// CSV files read the way <c>pandas.read_csv</c> does by default: a header row, integers, floats and True/False
/// inferred per column, pandas' NA spellings as missing values, other text as strings; columns listed in
/// <c>parse_dates</c> become timestamps. A column that turns out to mix numbers and text is read again as text,
/// so its strings are exactly the file's.
/// </summary>
internal static class CsvFormat
{
    private static readonly HashSet<string> NaValues =
    [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL",
        "NaN", "None", "n/a", "nan", "null",
    ];

    public static DataFrame Read(string path, FileSettings settings)
    {
        var (names, builders) = Pass(path, settings, textColumns: null);
        var columns = builders.Select(b => b.Build()).ToList();
        var reread = Enumerable.Range(0, builders.Length).Where(i => builders[i].DegradedToObject).ToHashSet();
        if (reread.Count > 0)
        {
            var (_, texts) = Pass(path, settings, reread);
            foreach (var i in reread)
            {
                columns[i] = texts[i].Build();
            }
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (settings.ParseDates.Contains(names[i]) && columns[i] is not DateTimeColumn)
            {
                columns[i] = RecordsReader.ToDates(columns[i] is ObjectColumn ? columns[i] : ToText(columns[i]));
            }
        }
        return new DataFrame(Column.Range(columns.Count == 0 ? 0 : columns[0].Length), names, columns);
    }

    public static void Write(DataFrame frame, Stream stream)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(stream, leaveOpen: true);
        var writeIndex = !IsRangeIndex(frame.Index);
        var names = frame.ColumnNames.Select((n, i) => n.Length == 0 ? $"Unnamed: {i}" : n).ToArray();
        for (var r = 0; r < frame.RowCount; r++)
        {
            using var row = writer.NewRow();
            if (writeIndex)
            {
                Set(row[""], frame.Index, r);
            }
            for (var c = 0; c < names.Length; c++)
            {
                Set(row[names[c]], frame.Columns[c], r);
            }
        }
        if (frame.RowCount == 0)
        {
            // Sep writes the header with the first row; an empty frame still gets its header line.
            var header = (writeIndex ? "," : "") + string.Join(',', names) + "\n";
            stream.Write(System.Text.Encoding.UTF8.GetBytes(header));
        }
    }

    /// <summary>Writes a cell without an intermediate string where the value formats itself (numbers, timestamps).</summary>
    private static void Set(SepWriter.Col col, Column column, int row)
    {
        switch (column)
        {
            case Float64Column f when double.IsFinite(f.Values[row]) && f.Values[row] != Math.Floor(f.Values[row]):
                col.Format(f.Values[row]);
                break;
            case Int64Column i:
                col.Format(i.Values[row]);
                break;
            case DateTimeColumn d when d.Ticks[row] != DateTimeColumn.NaT && d.Ticks[row] % TimeSpan.TicksPerSecond == 0:
                Span<char> text = stackalloc char[32];
                new DateTime(d.Ticks[row]).TryFormat(text, out var written, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                if (d.IsUtc)
                {
                    "+00:00".CopyTo(text[written..]);
                    written += 6;
                }
                col.Set(text[..written]);
                break;
            default:
                col.Set(Text(column, row));
                break;
        }
    }

    public static bool IsRangeIndex(Column index)
    {
        if (index is not Int64Column ints)
        {
            return false;
        }
        for (var i = 0; i < ints.Values.Length; i++)
        {
            if (ints.Values[i] != i)
            {
                return false;
            }
        }
        return true;
    }

    private static (string[] Names, ColumnBuilder[] Builders) Pass(string path, FileSettings settings, HashSet<int>? textColumns)
    {
        using var stream = Open(path);
        using var reader = Sep.New(settings.Separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(stream);
        var names = reader.Header.ColNames.Select((n, i) => n.Length == 0 ? $"Unnamed: {i}" : n).ToArray();
        var builders = names.Select(_ => new ColumnBuilder()).ToArray();
        // parse_dates columns are parsed while reading, so their texts never pile up as strings
        var dates = names.Select(n => settings.ParseDates.Contains(n)).ToArray();
        foreach (var row in reader)
        {
            for (var c = 0; c < builders.Length; c++)
            {
                if (textColumns is not null && !textColumns.Contains(c))
                {
                    continue;
                }
                var span = c < row.ColCount ? row[c].Span : [];
                if (textColumns is not null)
                {
                    if (IsNa(span))
                    {
                        builders[c].AddMissing();
                    }
                    else
                    {
                        builders[c].Add(span.ToString());
                    }
                    continue;
                }
                if (dates[c] && Timestamps.TryParse(span, out var ticks, out var utc))
                {
                    builders[c].AddDate(ticks, utc);
                    continue;
                }
                Add(builders[c], span);
            }
        }
        return (names, builders);
    }

    private static void Add(ColumnBuilder builder, ReadOnlySpan<char> span)
    {
        if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            builder.Add(l);
        }
        else if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            builder.Add(d);
        }
        else if (IsNa(span))
        {
            builder.AddMissing();
        }
        else if (span is "True" or "TRUE" or "true")
        {
            builder.Add(true);
        }
        else if (span is "False" or "FALSE" or "false")
        {
            builder.Add(false);
        }
        else
        {
            builder.Add(span.ToString());
        }
    }

    private static bool IsNa(ReadOnlySpan<char> span) => span.Length == 0 || (span.Length <= 8 && NaValues.Contains(span.ToString()));

    private static Stream Open(string path)
    {
        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static ObjectColumn ToText(Column column)
    {
        var values = new object?[column.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column.IsMissing(i) ? null : Text(column, i);
        }
        return new ObjectColumn(values);
    }

    private static string Text(Column column, int row)
    {
        switch (column)
        {
            case Float64Column f:
                return double.IsNaN(f.Values[row]) ? "" : PyFloat(f.Values[row]);
            case Int64Column i:
                return i.Values[row].ToString(CultureInfo.InvariantCulture);
            case BoolColumn b:
                return b.Values[row] ? "True" : "False";
            case DateTimeColumn d:
                return d.Ticks[row] == DateTimeColumn.NaT ? "" : Timestamps.Iso(d.Ticks[row], d.IsUtc).Replace('T', ' ');
            default:
                return column.GetValue(row) switch
                {
                    null => "",
                    double x => double.IsNaN(x) ? "" : PyFloat(x),
                    bool x => x ? "True" : "False",
                    DateTime x => Timestamps.Iso(x.Ticks, x.Kind == DateTimeKind.Utc).Replace('T', ' '),
                    var x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "",
                };
        }
    }

    private static string PyFloat(double d)
    {
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) || !double.IsFinite(d) ? s : s + ".0";
    }
}
