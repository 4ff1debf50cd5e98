namespace Runwire.Core.Engine;

/// <summary>
/// The budgets every job runs under, whichever way it arrived (HTTP, Kafka, <c>runwire run</c>, the executor). A job
/// that exceeds one is answered with a failure naming the limit and its setting (<c>Runwire:Limits:*</c>,
/// docs/limits.md). A value of zero or less turns a limit off.
/// </summary>
public sealed record ExecutionLimits
{
    public const string JobTimeoutSetting = "Runwire:Limits:JobTimeoutSeconds";
    public const string MaxValueCellsSetting = "Runwire:Limits:MaxValueCells";
    public const string MaxPlotPointsSetting = "Runwire:Limits:MaxPlotPoints";
    public const string MaxResultBytesSetting = "Runwire:Limits:MaxResultBytes";

    /// <summary>The defaults: room for jobs of a few million points, not for one that grows without bound.</summary>
    public static ExecutionLimits Default { get; } = new();

    /// <summary>No limits at all.</summary>
    public static ExecutionLimits None { get; } = new() { JobTimeout = TimeSpan.Zero, MaxValueCells = 0, MaxPlotPoints = 0, MaxResultBytes = 0 };

    /// <summary>How long a job may run from validation to its result (loading, components, sending).</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The most values one series or frame a component produces may hold (a frame counts rows times columns).</summary>
    public long MaxValueCells { get; init; } = 10_000_000;

    /// <summary>The most values (of its series and frame inputs) one plot component may draw.</summary>
    public long MaxPlotPoints { get; init; } = 1_000_000;

    /// <summary>The largest encoded result, in bytes (the default matches <c>Kafka:MaxJobBytes</c>).</summary>
    public long MaxResultBytes { get; init; } = 64L * 1024 * 1024;
}
