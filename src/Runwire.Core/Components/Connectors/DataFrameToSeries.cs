using System.Globalization;
using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// "DataFrame to Series": <c>dataframe.squeeze()</c>. One column gives that column, one row gives the row as a series
/// over the column names, one cell gives the scalar, anything else the unchanged frame.
/// </summary>
public sealed class DataFrameToSeries : IComponent
{
    public Guid Id { get; } = new("152bc7df-708c-2ecb-1d5d-b69483fdd275");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["series"] = Squeeze(inputs.Frame("dataframe")) };

    private static object? Squeeze(DataFrame frame)
    {
        var (rows, columns) = (frame.RowCount, frame.ColumnNames.Count);
        if (rows == 1 && columns == 1)
        {
            return frame.Columns[0].GetValue(0);
        }
        if (columns == 1)
        {
            return new Series(frame.Index, frame.Columns[0], frame.ColumnNames[0], frame.CloneAttrs());
        }
        if (rows == 1)
        {
            var index = new ObjectColumn([.. frame.ColumnNames]);
            var values = Column.FromValues([.. frame.Columns.Select(c => c.GetValue(0))]);
            // Runwire series names are text: the row label keeps its Python text form
            return new Series(index, values, LabelText(frame.Index.GetValue(0)), frame.CloneAttrs());
        }
        return frame.WithAttrs(frame.CloneAttrs());
    }

    private static string? LabelText(object? label) => label switch
    {
        null => null,
        string s => s,
        double d => PyFormat.Repr(d),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (t.Kind == DateTimeKind.Utc ? "+00:00" : ""),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };
}
