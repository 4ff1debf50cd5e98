using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Statistic;

/// <summary>
/// hetida's "Moving Time Window" mean/median: windows of <c>window_size</c> whose left edges follow the rhythm
/// <c>epoch + frequency_offset + k * window_frequency</c>. Adjacent windows of equal size with one closed side go through
/// pandas' resample, all other cases through a time-based rolling window evaluated at the right window edges; the label
/// then moves to the window's centre or left edge.
/// </summary>
public sealed class MovingTimeWindow(Guid id, string outputName, bool median) : IComponent
{
    private static readonly (string Name, string Closed)[] IntervalTypes =
    [
        ("closed", "both"), ("open", "neither"), ("left_closed", "left"), ("right_open", "left"), ("right_closed", "right"), ("left_open", "right"),
    ];

    public Guid Id { get; } = id;

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var intervalType = inputs.String("interval_type");
        var closed = IntervalTypes.FirstOrDefault(t => t.Name == intervalType).Closed ?? throw PyException.ValueError(
            $"'{intervalType}' is not allowed as input for interval_type!\nPlease use one of the following options instead:\n"
            + string.Join("\n", IntervalTypes.Select(t => t.Name)) + "\n");
        var size = Offset.Parse(inputs.String("window_size"));
        var frequency = Offset.Parse(inputs.String("window_frequency"));
        var offsetText = inputs.String("frequency_offset");
        var offset = FrequencyOffset(offsetText);
        var series = inputs.Series("timeseries");
        if (series.Index is not DateTimeColumn)
        {
            throw PyException.TypeError("This component is exclusively for Pandas Series with a Pandas DatetimeIndex!");
        }
        series = series.SortIndex();
        var rhythmOffset = Modulo(offset, frequency);
        var windows = new WindowSeries(series, size, median);
        var result = size.Equals(frequency) && (closed is "left" or "right")
            ? windows.Resampled(closed == "right", rhythmOffset)
            : windows.Rolled(frequency.Nanos, rhythmOffset, closed);
        var shift = inputs.String("label_position") switch
        {
            "center" => -size.Nanos / 2,
            "left" => -size.Nanos,
            _ => 0,
        };
        return new Dictionary<string, object?> { [outputName] = WindowSeries.Shift(result, shift) };
    }

    // hetida's freqstr2timedelta: a timedelta string, else a fixed frequency string
    private static long? FrequencyOffset(string text)
    {
        try
        {
            return TimedeltaParser.Parse(text);
        }
        catch (PyException e) when (e.TypeName == "ValueError")
        {
            var offset = Offset.Parse(text);
            return offset.IsTick
                ? offset.Nanos
                : throw PyException.ValueError(
                    $"Value must be Timedelta, string, integer, float, timedelta or convertible, not {offset.ClassName}");
        }
    }

    // Timedelta % offset, with pandas' errors for NaT and calendar offsets
    private static long Modulo(long? offset, Offset frequency)
    {
        if (offset is null)
        {
            throw PyException.TypeError(
                $"unsupported operand type(s) for %: 'NaTType' and 'pandas._libs.tslibs.offsets.{frequency.ClassName}'");
        }
        if (!frequency.IsTick)
        {
            throw PyException.TypeError(
                $"unsupported operand type(s) for //: 'Timedelta' and 'pandas._libs.tslibs.offsets.{frequency.ClassName}'");
        }
        var nanos = frequency.Nanos;
        return nanos == 0 ? throw PyException.ZeroDivision("integer division or modulo by zero") : EpochNanos.FloorMod(offset.Value, nanos);
    }
}
