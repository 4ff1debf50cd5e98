using System.Collections;
using System.Diagnostics;

namespace Runwire.Testing;

/// <summary>A thread-safe collection for the in-memory exporter: spans end on many threads while a test reads.</summary>
internal sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_spans)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>The spans of one trace.</summary>
    public IReadOnlyList<Activity> OfTrace(ActivityTraceId traceId)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.TraceId == traceId)];
        }
    }

    /// <summary>The spans of one trace, by its 32 hex digits.</summary>
    public IReadOnlyList<Activity> OfTrace(string traceId) => OfTrace(ActivityTraceId.CreateFromString(traceId));

    /// <summary>Waits until a span of the trace satisfies <paramref name="done"/> (root spans end last); returns the trace.</summary>
    public async Task<IReadOnlyList<Activity>> WaitAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var trace = OfTrace(traceId);
        while (!done(trace) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
            trace = OfTrace(traceId);
        }
        return trace;
    }

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_spans)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_spans)
        {
            return ((IEnumerable<Activity>)[.. _spans]).GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
