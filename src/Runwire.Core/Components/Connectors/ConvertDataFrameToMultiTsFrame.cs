using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// "Convert DataFrame to MultiTSFrame": wide to long format. The index (or a "timestamp" column, which then becomes the
/// index) is repeated per column, rows come out row by row, and the value dtype is inferred from all cells.
/// </summary>
public sealed class ConvertDataFrameToMultiTsFrame : IComponent
{
    public Guid Id { get; } = new("e23f9251-3084-4e55-8b7b-9de4914b1eca");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs.Frame("dataframe");
        var index = frame.Index;
        var names = frame.ColumnNames.ToList();
        var columns = frame.Columns.ToList();
        var timestampColumn = frame.IndexOf("timestamp");
        if (timestampColumn >= 0)
        {
            index = columns[timestampColumn];
            names.RemoveAt(timestampColumn);
            columns.RemoveAt(timestampColumn);
        }
        var (rows, width) = (frame.RowCount, names.Count);
        var positions = new int[rows * width];
        var metrics = new object?[rows * width];
        var values = new object?[rows * width];
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < width; col++)
            {
                var k = row * width + col;
                positions[k] = row;
                metrics[k] = names[col];
                values[k] = columns[col].GetValue(row);
            }
        }
        var result = new DataFrame(
            Column.Range(rows * width),
            ["timestamp", "metric", "value"],
            [index.Take(positions), new ObjectColumn(metrics), Column.FromValues(values)]);
        return new Dictionary<string, object?> { ["multitsframe"] = result };
    }
}
