using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Basic;

/// <summary>
/// hetida "Restrict to time interval": the rows of a Series/DataFrame (index converted to datetimes, sorted) between
/// <c>start</c> and <c>stop</c>, both inclusive. The bounds are read like dateparser with TIMEZONE UTC; None means open.
/// </summary>
public sealed class RestrictToTimeInterval : IComponent
{
    public Guid Id { get; } = new("bf469c0a-d17c-ca6f-59ac-9838b2ff67ac");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["interval"] = Restrict(inputs["data"], inputs["start"], inputs["stop"]) };

    private static object Restrict(object? data, object? start, object? stop)
    {
        var pandas = PandasArgs.AsPandas(PyValue.Normalize(data), "empty");
        if (pandas is Series { Length: 0 } || pandas is DataFrame { RowCount: 0 } or DataFrame { ColumnNames.Count: 0 })
        {
            return pandas;
        }
        var index = ToDatetime(pandas is Series s ? s.Index : ((DataFrame)pandas).Index);
        var from = Bound(start, index.IsUtc, isStart: true, start);
        var to = Bound(stop, index.IsUtc, isStart: false, start);
        if (from is { } f && to is { } t && f > t)
        {
            throw PyException.ValueError("start timestamp cannot be after stop timestamp");
        }
        var order = Ordering.StableOrder(index);
        int[] keep = [.. order.Where(i => index.Ticks[i] != DateTimeColumn.NaT
            && (from is null || index.Ticks[i] >= from) && (to is null || index.Ticks[i] <= to))];
        return pandas is Series series
            ? new Series(index.Take(keep), series.Values.Take(keep), series.Name, series.CloneAttrs())
            : WithIndex((DataFrame)pandas, index).Take(keep);
    }

    // pd.to_datetime(index), retried with utc=True when pandas refuses mixed offsets.
    private static DateTimeColumn ToDatetime(Column index)
    {
        try
        {
            return PandasIndex.ToDatetime(index);
        }
        catch (PyException e) when (PyErrors.IsInstance(e, "ValueError"))
        {
            return PandasIndex.ToDatetime(index, utc: true);
        }
    }

    /// <summary>The bound in ticks. hetida's messages are reproduced as they are, including a stop failure that names start.</summary>
    private static long? Bound(object? text, bool utcIndex, bool isStart, object? start)
    {
        if (text is null)
        {
            return null;
        }
        var which = isStart ? "start" : "stop";
        if (text is not string s)
        {
            throw PyException.ValueError($"{which} timestamp could not be parsed: {PyText.Str(text)}");
        }
        if (DateParser.Parse(s) is { } parsed)
        {
            return parsed.Ticks;
        }
        // for a tz-aware index hetida calls .replace on the None result; only the start branch catches that AttributeError
        throw !isStart && utcIndex
            ? new PyException("AttributeError", "'NoneType' object has no attribute 'replace'")
            : PyException.ValueError($"start timestamp could not be parsed: {PyText.Str(start)}");
    }

    private static DataFrame WithIndex(DataFrame frame, Column index) => new(index, frame.ColumnNames, frame.Columns, frame.CloneAttrs());
}
