using Microsoft.Extensions.Configuration;
using Runwire.Core.Engine;

namespace Runwire.Execution;

/// <summary>
/// Settings under <c>Runwire:Limits:</c> (docs/limits.md): the per-job budgets of <see cref="ExecutionLimits"/> and
/// the largest HTTP request body, <c>MaxRequestBytes</c>. Its default is <c>Kafka:MaxJobBytes</c> (64 MiB unless
/// set), so a job that may be sent over Kafka may be posted too.
/// </summary>
public static class LimitSettings
{
    public const string MaxRequestBytesSetting = "Runwire:Limits:MaxRequestBytes";
    public const long DefaultMaxRequestBytes = 64L * 1024 * 1024;

    public static ExecutionLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = ExecutionLimits.Default;
        return new ExecutionLimits
        {
            JobTimeout = TimeSpan.FromSeconds(configuration.GetValue(ExecutionLimits.JobTimeoutSetting, defaults.JobTimeout.TotalSeconds)),
            MaxValueCells = configuration.GetValue(ExecutionLimits.MaxValueCellsSetting, defaults.MaxValueCells),
            MaxPlotPoints = configuration.GetValue(ExecutionLimits.MaxPlotPointsSetting, defaults.MaxPlotPoints),
            MaxResultBytes = configuration.GetValue(ExecutionLimits.MaxResultBytesSetting, defaults.MaxResultBytes),
        };
    }

    /// <summary>The largest request body any endpoint takes unless it sets its own (zero or less: no limit).</summary>
    public static long MaxRequestBytes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<long?>(MaxRequestBytesSetting)
            ?? configuration.GetValue<long?>("Kafka:MaxJobBytes")
            ?? DefaultMaxRequestBytes;
    }
}
