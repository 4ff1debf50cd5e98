using Runwire.Core.Data;

namespace Runwire.DataAdapters.Tests.Support;

/// <summary>Small frames and lookups for assertions.</summary>
internal static class TestFrames
{
    public static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static DataFrame Make(params (string Name, Column Column)[] columns) =>
        new(Column.Range(columns.Length == 0 ? 0 : columns[0].Column.Length), [.. columns.Select(c => c.Name)], [.. columns.Select(c => c.Column)]);

    public static DateTimeColumn Stamps(bool utc, params string[] texts) =>
        new([.. texts.Select(t => DateTime.Parse(t, System.Globalization.CultureInfo.InvariantCulture).Ticks)], utc);

    public static Column Col(this DataFrame frame, string name) => frame.Columns[frame.IndexOf(name)];

    public static object?[] Values(this Column column) => [.. Enumerable.Range(0, column.Length).Select(column.GetValue)];
}
