namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// The epoch units <c>read_json</c> tries for numbers when it converts dates (all four, or the one of the
/// <c>date_unit</c> option), and the smallest number it takes for a date (<c>min_stamp</c>: one year in that unit).
/// </summary>
internal sealed class DateUnits
{
    private static readonly long[] NanosPerUnit = [1_000_000_000, 1_000_000, 1_000, 1];
    private static readonly int[] Precision = [9, 6, 3, 0];
    private static readonly long[] MinStamps = [31536000, 31536000000, 31536000000000, 31536000000000000];

    private readonly int _first;
    private readonly int _last;

    private DateUnits(int first, int last)
    {
        _first = first;
        _last = last;
    }

    public static DateUnits All { get; } = new(0, 3);

    public long MinStamp => MinStamps[_first];

    public IEnumerable<(long NanosPerUnit, int Precision)> Units =>
        Enumerable.Range(_first, _last - _first + 1).Select(i => (NanosPerUnit[i], Precision[i]));

    /// <summary>The single unit of a <c>date_unit</c> option; null when pandas would reject it.</summary>
    public static DateUnits? Of(string unit) => unit.ToLowerInvariant() switch
    {
        "s" => new(0, 0),
        "ms" => new(1, 1),
        "us" => new(2, 2),
        "ns" => new(3, 3),
        _ => null,
    };
}
