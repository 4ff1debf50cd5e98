using System.Globalization;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// Axis labels as text, the way pandas' <c>to_json</c> writes them as object keys: timestamps in ISO form with
/// milliseconds (<c>null</c> for NaT), numbers and other labels as Python's <c>str()</c>. Runwire's DataFrame keeps
/// column names in this form too.
/// </summary>
internal static class PandasLabels
{
    public static string Format(Column column, int position) => column switch
    {
        DateTimeColumn d => d.Ticks[position] == DateTimeColumn.NaT ? "null" : IsoMillis.Format(d.Ticks[position], d.IsUtc),
        Int64Column l => l.Values[position].ToString(CultureInfo.InvariantCulture),
        Float64Column f => PyFormat.Repr(f.Values[position]),
        _ => PyFormat.Str(column.GetValue(position)),
    };

    public static string[] FormatAll(Column column)
    {
        var result = new string[column.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Format(column, i);
        }
        return result;
    }
}
