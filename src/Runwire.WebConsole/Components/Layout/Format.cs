using System.Globalization;
using Runwire.WebConsole.Jobs;

namespace Runwire.WebConsole.Components.Layout;

/// <summary>How the pages write times and durations: invariant, short, UTC.</summary>
public static class Format
{
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalSeconds: < 1 } d => (d.TotalMilliseconds).ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        { TotalSeconds: < 120 } d => d.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        { } d => d.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min",
    };

    public static string Seconds(double seconds) => Duration(TimeSpan.FromSeconds(seconds));

    public static string State(JobState state) => state.ToString().ToLowerInvariant();

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
