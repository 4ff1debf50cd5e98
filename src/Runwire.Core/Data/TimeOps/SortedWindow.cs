namespace Runwire.Core.Data.TimeOps;

/// <summary>The non-NaN values of a sliding window kept sorted, for rolling medians (pandas uses a skip list).</summary>
internal sealed class SortedWindow
{
    private readonly List<double> _sorted = [];
    private int _start;
    private int _end;

    public int Count => _sorted.Count;

    /// <summary>Makes the window hold the values at positions [start, end), sliding when possible.</summary>
    public void MoveTo(ReadOnlySpan<double> values, int start, int end)
    {
        end = Math.Max(end, start);
        if (start < _start || end < _end || start > _end)
        {
            _sorted.Clear();
            _start = _end = start;
        }
        for (var j = _end; j < end; j++)
        {
            Insert(values[j]);
        }
        for (var j = _start; j < start; j++)
        {
            Remove(values[j]);
        }
        _start = start;
        _end = end;
    }

    /// <summary>The middle value, or the mean of the two middle values (pandas: (upper + lower) / 2).</summary>
    public double Median()
    {
        var mid = _sorted.Count / 2;
        return _sorted.Count % 2 == 1 ? _sorted[mid] : (_sorted[mid] + _sorted[mid - 1]) / 2;
    }

    private void Insert(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        var i = _sorted.BinarySearch(value);
        _sorted.Insert(i < 0 ? ~i : i, value);
    }

    private void Remove(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        var i = _sorted.BinarySearch(value);
        if (i >= 0)
        {
            _sorted.RemoveAt(i);
        }
    }
}
