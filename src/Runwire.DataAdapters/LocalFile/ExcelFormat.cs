using System.Text.Json.Nodes;
using ExcelDataReader;
using Runwire.Core.Data;
using Runwire.DataAdapters.Frames;

namespace Runwire.DataAdapters.LocalFile;

/// <summary>
/// Excel workbooks (.xlsx, .xlsm, .xlsb, .xls) read like <c>pandas.read_excel</c>: the first sheet (or
/// <c>sheet_name</c> from the settings file), the first row as header, whole-number cells as integers.
/// </summary>
internal static class ExcelFormat
{
    static ExcelFormat()
    {
        // .xls files name their text encoding by code page; .NET ships the code pages but does not register them.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }

    public static DataFrame Read(string path, FileSettings settings)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        SelectSheet(reader, settings.SheetName, path);
        if (!reader.Read())
        {
            return new DataFrame(Column.Range(0), [], []);
        }
        var names = Enumerable.Range(0, reader.FieldCount)
            .Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } n ? n : $"Unnamed: {i}")
            .ToArray();
        var builders = names.Select(_ => new ColumnBuilder()).ToArray();
        while (reader.Read())
        {
            for (var c = 0; c < builders.Length; c++)
            {
                switch (c < reader.FieldCount ? reader.GetValue(c) : null)
                {
                    case null:
                        builders[c].AddMissing();
                        break;
                    case double d when d == Math.Floor(d) && Math.Abs(d) < 1e15:
                        builders[c].Add((long)d);
                        break;
                    case double d:
                        builders[c].Add(d);
                        break;
                    case bool b:
                        builders[c].Add(b);
                        break;
                    case DateTime dt:
                        builders[c].AddDate(dt.Ticks, false);
                        break;
                    case string s when s.Length == 0:
                        builders[c].AddMissing();
                        break;
                    case var other:
                        builders[c].Add(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)!);
                        break;
                }
            }
        }
        var columns = builders.Select(b => b.Build()).ToList();
        return new DataFrame(Column.Range(columns.Count == 0 ? 0 : columns[0].Length), names, columns);
    }

    private static void SelectSheet(IExcelDataReader reader, JsonNode? sheet, string path)
    {
        if (sheet is null)
        {
            return;
        }
        var byIndex = sheet is JsonValue v && v.TryGetValue<int>(out var index) ? index : -1;
        var byName = sheet is JsonValue s && s.TryGetValue<string>(out var name) ? name : null;
        for (var i = 0; ; i++)
        {
            if (i == byIndex || (byName is not null && reader.Name == byName))
            {
                return;
            }
            if (!reader.NextResult())
            {
                throw new ArgumentException($"Worksheet {sheet.ToJsonString()} not found in {Path.GetFileName(path)}.");
            }
        }
    }
}
