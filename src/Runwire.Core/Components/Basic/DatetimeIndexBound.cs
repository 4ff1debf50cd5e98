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

    // numpy-backed indexes hand out numpy scalars; an int index is usually a RangeIndex, whose min/max are Python ints.
    private static string ScalarType(Column index, object? bound) => index switch
    {
        Float64Column => "numpy.float64",
        BoolColumn => "numpy.bool_",
        Int64Column => "int",
        _ => PyValue.TypeName(bound),
    };
}
