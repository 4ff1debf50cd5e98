using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Basic;

/// <summary>
/// hetida's First/Last Datetime Index: None for empty data, else <c>index.min()/max().to_pydatetime().isoformat()</c>
/// (NaT skipped; an all-NaT index gives "NaT"). Other index types fail where Python would.
/// </summary>
internal static class DatetimeIndexBound
{
    public static string? Find(object? data, bool last)
    {
        data = PyValue.Normalize(data);
        if (Length(data) == 0)
        {
            return null;
        }
        var index = data switch
        {
            Series s => s.Index,
            DataFrame f => f.Index,
            // str and list have an index() method, so Python fails one attribute later
            string or JsonArray => throw new PyException("AttributeError", $"'builtin_function_or_method' object has no attribute '{(last ? "max" : "min")}'"),
            _ => throw PyErrors.NoAttribute(data, "index"),
        };
        if (index is DateTimeColumn d)
        {
            var ticks = d.Ticks.Where(t => t != DateTimeColumn.NaT).ToList();
            return ticks.Count == 0 ? "NaT" : PyFormat.IsoFormat(new DateTime(last ? ticks.Max() : ticks.Min(), d.DateKind));
        }
        var bound = Bound(index, last);
        throw new PyException("AttributeError", $"'{ScalarType(index, bound)}' object has no attribute 'to_pydatetime'");
    }

    private static int Length(object? data) => data switch
    {
        Series s => s.Length,
        DataFrame f => f.RowCount,
        string s => s.Length,
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        double[] a => a.Length,
        object?[] a => a.Length,
        _ => throw PyException.TypeError($"object of type '{PyValue.TypeName(data)}' has no len()"),
    };

    private static object? Bound(Column index, bool last)
    {
        object? best = null;
        for (var i = 0; i < index.Length; i++)
        {
            var v = index.GetValue(i);
            if (!PyValue.IsNa(v) && (best is null || PyCompare.Compare(last ? CompareOp.Gt : CompareOp.Lt, v, best)))
            {
                best = v;
            }
        }
        return best;
    }

    // Int64Index.min() is a numpy.int64, RangeIndex.min() a Python int; 0..n-1 is taken to be a RangeIndex.
    private static string ScalarType(Column index, object? bound) => index switch
    {
        Float64Column => "float",
        BoolColumn => "numpy.bool_",
        Int64Column l => l.Values.Select((v, i) => v == i).All(x => x) ? "int" : "numpy.int64",
        _ => PyValue.TypeName(bound),
    };
}
