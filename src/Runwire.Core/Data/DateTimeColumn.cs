namespace Runwire.Core.Data;

/// <summary>
/// datetime64 values stored as <see cref="DateTime.Ticks"/> (100 ns resolution); <see cref="NaT"/> marks a missing value.
/// <see cref="IsUtc"/> distinguishes tz-aware UTC columns from naive ones (pandas keeps the two apart).
/// </summary>
public sealed class DateTimeColumn(long[] ticks, bool isUtc) : Column
{
    /// <summary>The marker for a missing timestamp.</summary>
    public const long NaT = long.MinValue;

    public long[] Ticks { get; } = ticks;

    public bool IsUtc { get; } = isUtc;

    public override int Length => Ticks.Length;

    public override ColumnKind Kind => ColumnKind.DateTime;

    public DateTimeKind DateKind => IsUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified;

    public override object? GetValue(int position) =>
        Ticks[position] == NaT ? null : new DateTime(Ticks[position], DateKind);

    public override bool IsMissing(int position) => Ticks[position] == NaT;

    public override double[] ToDoubles() =>
        throw new PyException("TypeError", "cannot convert datetime64 values to float");

    public override Column Take(ReadOnlySpan<int> positions)
    {
        var result = new long[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            result[i] = positions[i] < 0 ? NaT : Ticks[positions[i]];
        }
        return new DateTimeColumn(result, IsUtc);
    }
}
