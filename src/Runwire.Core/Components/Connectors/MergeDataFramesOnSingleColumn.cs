using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// "Merge DataFrames on Single Column": <c>left.merge(right, on=column_name, how=how)</c> with pandas 1.5's row order,
/// "_x"/"_y" suffixes for other shared column names, a fresh RangeIndex and no attrs.
/// </summary>
public sealed class MergeDataFramesOnSingleColumn : IComponent
{
    public Guid Id { get; } = new("a573c94f-3039-1193-b068-bc496620c6ed");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var left = inputs.Frame("dataframe_left");
        var right = inputs.Frame("dataframe_right");
        var key = inputs.String("column_name");
        var how = inputs.String("how");
        if (how == "cross")
        {
            throw new PyException("MergeError", "Can not pass on, right_on, left_on or set right_index=True or left_index=True");
        }
        var leftKeys = left[key].Values;
        var rightKeys = right[key].Values;
        CheckKeyTypes(leftKeys, rightKeys);
        var (l, r) = JoinIndexers.Compute(leftKeys, rightKeys, how);
        var names = new List<string>();
        var columns = new List<Column>();
        for (var i = 0; i < left.ColumnNames.Count; i++)
        {
            var name = left.ColumnNames[i];
            names.Add(name != key && right.IndexOf(name) >= 0 ? name + "_x" : name);
            columns.Add(name == key ? KeyColumn(leftKeys, rightKeys, l, r) : IndexAlignment.TakeOrNaN(left.Columns[i], l));
        }
        for (var i = 0; i < right.ColumnNames.Count; i++)
        {
            var name = right.ColumnNames[i];
            if (name != key)
            {
                names.Add(left.IndexOf(name) >= 0 ? name + "_y" : name);
                columns.Add(IndexAlignment.TakeOrNaN(right.Columns[i], r));
            }
        }
        return new Dictionary<string, object?> { ["merged_dataframe"] = new DataFrame(Column.Range(l.Length), names, columns) };
    }

    // The shared key column takes the left value where the row has a left side, else the right one.
    private static Column KeyColumn(Column leftKeys, Column rightKeys, int[] l, int[] r)
    {
        if (l.All(p => p >= 0))
        {
            return leftKeys.Take(l);
        }
        var values = new object?[l.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = l[i] >= 0 ? leftKeys.GetValue(l[i]) : rightKeys.GetValue(r[i]);
        }
        return Column.FromValues(values);
    }

    private static void CheckKeyTypes(Column left, Column right)
    {
        static bool Numeric(Column c) => c.Kind is ColumnKind.Float64 or ColumnKind.Int64 or ColumnKind.Bool;
        static bool HoldsOnlyNumbers(Column c) =>
            Enumerable.Range(0, c.Length).All(i => c.IsMissing(i) || c.GetValue(i) is long or double or bool);
        var compatible = (left.Kind, right.Kind) switch
        {
            _ when Numeric(left) && Numeric(right) => true,
            (ColumnKind.DateTime, ColumnKind.DateTime) => ((DateTimeColumn)left).IsUtc == ((DateTimeColumn)right).IsUtc,
            (ColumnKind.DateTime, _) or (_, ColumnKind.DateTime) => false,
            (ColumnKind.Object, ColumnKind.Object) => true,
            (ColumnKind.Object, _) => HoldsOnlyNumbers(left),
            _ => HoldsOnlyNumbers(right),
        };
        if (!compatible)
        {
            throw PyException.ValueError(
                $"You are trying to merge on {DtypeName(left)} and {DtypeName(right)} columns. If you wish to proceed you should use pd.concat");
        }
    }

    private static string DtypeName(Column c) => c switch
    {
        DateTimeColumn d => d.IsUtc ? "datetime64[ns, UTC]" : "datetime64[ns]",
        _ => c.Kind switch
        {
            ColumnKind.Float64 => "float64",
            ColumnKind.Int64 => "int64",
            ColumnKind.Bool => "bool",
            _ => "object",
        },
    };
}
