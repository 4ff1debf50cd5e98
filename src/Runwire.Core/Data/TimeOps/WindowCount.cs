namespace Runwire.Core.Data.TimeOps;

/// <summary>Which values count towards <c>min_periods</c> in a rolling <c>apply</c>: the two pandas engines differ.</summary>
public enum WindowCount
{
    /// <summary>pandas' Cython engine counts finite values (inf does not count).</summary>
    Finite,

    /// <summary>pandas' numba engine counts values that are not NaN.</summary>
    NotNaN,
}
