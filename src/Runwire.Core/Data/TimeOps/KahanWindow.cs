namespace Runwire.Core.Data.TimeOps;

/// <summary>The running state of pandas' <c>roll_sum</c>: compensated sum, count, and the run of equal values.</summary>
internal struct KahanWindow
{
    private double _sum;
    private double _compensationAdd;
    private double _compensationRemove;
    private long _count;
    private long _sameValueRun;

    public double PreviousValue { get; set; }

    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        _count++;
        var y = value - _compensationAdd;
        var t = _sum + y;
        _compensationAdd = t - _sum - y;
        _sum = t;
        // pandas (GH#42064) returns value * n for a run of equal values, to avoid floating point residue
        _sameValueRun = value == PreviousValue ? _sameValueRun + 1 : 1;
        PreviousValue = value;
    }

    public void Remove(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        _count--;
        var y = -value - _compensationRemove;
        var t = _sum + y;
        _compensationRemove = t - _sum - y;
        _sum = t;
    }

    public readonly double Result(long minPeriods)
    {
        if (_count == 0 && minPeriods == 0)
        {
            return 0;
        }
        if (_count < minPeriods)
        {
            return double.NaN;
        }
        return _sameValueRun >= _count ? PreviousValue * _count : _sum;
    }

    public void ResetAfterNonMonotonic()
    {
        _count = 0;
        _sum = 0;
        _compensationRemove = 0;
    }
}
