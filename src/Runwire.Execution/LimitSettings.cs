using Microsoft.Extensions.Configuration;
using Runwire.Core.Engine;

namespace Runwire.Execution;

/// <summary>
/// Settings under <c>Runwire:Limits:</c> (docs/limits.md): the per-job budgets of <see cref="ExecutionLimits"/>. The
/// largest HTTP request body, <c>MaxRequestBytes</c>, is every host's and lives in Runwire.ServiceDefaults' RequestLimits.
/// </summary>
public static class LimitSettings
{
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
}
