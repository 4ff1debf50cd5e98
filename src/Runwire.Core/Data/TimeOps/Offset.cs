namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// A pandas <c>DateOffset</c> as <c>to_offset</c> returns it: either a fixed-size "Tick" (D, H, T, S, L, U, N: days down to
/// nanoseconds) or a calendar offset (month end, week, business day, ...). Runwire computes with ticks only; calendar
/// offsets are recognised so that errors read like pandas' ("&lt;MonthEnd&gt; is a non-fixed frequency").
/// </summary>
public sealed class Offset : IEquatable<Offset>
{
    private static readonly Dictionary<string, (long Nanos, string ClassName)> TickUnits = new()
    {
        ["D"] = (86_400_000_000_000, "Day"),
        ["H"] = (3_600_000_000_000, "Hour"),
        ["T"] = (60_000_000_000, "Minute"),
        ["S"] = (1_000_000_000, "Second"),
        ["L"] = (1_000_000, "Milli"),
        ["U"] = (1_000, "Micro"),
        ["N"] = (1, "Nano"),
    };

    private readonly string _className;
    private readonly string _attrs;

    private Offset(string prefix, long n, string className, string attrs)
    {
        Prefix = prefix;
        N = n;
        _className = className;
        _attrs = attrs;
    }

    /// <summary>pandas' rule code: D, H, T, S, L, U, N for ticks; e.g. M or W-SUN for calendar offsets.</summary>
    public string Prefix { get; }

    /// <summary>The pandas class, e.g. <c>Minute</c> or <c>MonthEnd</c> (error messages name it).</summary>
    public string ClassName => _className;

    /// <summary>The multiple <c>n</c>.</summary>
    public long N { get; }

    /// <summary>Whether this is a fixed-size offset (pandas <c>Tick</c>).</summary>
    public bool IsTick => TickUnits.ContainsKey(Prefix);

    /// <summary>The size in nanoseconds; ValueError for calendar offsets, exactly as pandas' <c>.nanos</c>.</summary>
    public long Nanos => IsTick
        ? checked(N * TickUnits[Prefix].Nanos)
        : throw PyException.ValueError($"{this} is a non-fixed frequency");

    /// <summary>pandas' <c>freqstr</c>, e.g. <c>15T</c>.</summary>
    public string FreqStr => N == 1 ? Prefix : $"{N}{Prefix}";

    /// <summary>A tick of <paramref name="n"/> units (unit one of D, H, T, S, L, U, N).</summary>
    public static Offset Tick(string unit, long n) => new(unit, n, TickUnits[unit].ClassName, "");

    internal static Offset Calendar(string ruleCode, long n, string className, string attrs) => new(ruleCode, n, className, attrs);

    internal static bool IsTickUnit(string unit) => TickUnits.ContainsKey(unit);

    internal static long UnitNanos(string unit) => TickUnits[unit].Nanos;

    /// <summary>Parses a frequency string the way <c>pandas.tseries.frequencies.to_offset</c> does.</summary>
    public static Offset Parse(string freq) => OffsetParser.Parse(freq);

    /// <summary>This offset times an integer (pandas <c>offset * n</c>).</summary>
    public Offset Times(long factor) => new(Prefix, checked(N * factor), _className, _attrs);

    /// <summary>pandas' <c>tick * factor</c> for a float factor: a fractional product moves to a finer unit (1H * 0.5 = 30T).</summary>
    public Offset Times(double factor) => IsTick
        ? OffsetParser.MultiplyTick(this, factor)
        : throw new PyException("NotImplementedError", $"Runwire multiplies only fixed frequencies by fractions, not {this}.");

    /// <summary>pandas' repr, e.g. <c>&lt;15 * Minutes&gt;</c>, <c>&lt;Week: weekday=6&gt;</c>.</summary>
    public override string ToString()
    {
        var plural = Math.Abs(N) != 1 ? "s" : "";
        var count = N != 1 ? $"{N} * " : "";
        return $"<{count}{_className}{plural}{_attrs}>";
    }

    public bool Equals(Offset? other) =>
        other is not null && (IsTick && other.IsTick ? Nanos == other.Nanos : Prefix == other.Prefix && N == other.N);

    public override bool Equals(object? obj) => Equals(obj as Offset);

    public override int GetHashCode() => IsTick ? Nanos.GetHashCode() : HashCode.Combine(Prefix, N);
}
