using System.Globalization;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;

namespace Runwire.Core.Engine;

/// <summary>
/// The failures of a job that exceeded an <see cref="ExecutionLimits"/> budget. Each names the limit, its value and
/// its setting, in the message and in <c>extra_information</c>, so a user knows what to change.
/// </summary>
public static class LimitErrors
{
    public const string TimeoutErrorType = "JobTimeoutError";
    public const string ValueTooLargeErrorType = "ValueTooLargeError";
    public const string PlotTooLargeErrorType = "PlotTooLargeError";
    public const string ResultTooLargeErrorType = "ResultTooLargeError";

    internal static ExecutionError Timeout(TimeSpan limit, ProcessStage stage, OperatorInfo? where) => new(
        TimeoutErrorType,
        Text($"The job ran longer than {ExecutionLimits.JobTimeoutSetting} allows ({limit.TotalSeconds:0.###} s) and was stopped{(where is null ? "" : $" while running '{where.HierarchyByName[^1]}'")}."),
        stage, null, Extra(ExecutionLimits.JobTimeoutSetting, limit.TotalSeconds, null), where);

    internal static ExecutionError ValueTooLarge(string component, string output, long cells, long limit, OperatorInfo where) => new(
        ValueTooLargeErrorType,
        Text($"Component '{component}' produced {cells:N0} values in output '{output}', more than {ExecutionLimits.MaxValueCellsSetting} allows ({limit:N0})."),
        ProcessStage.EXECUTING_COMPONENT_CODE, null, Extra(ExecutionLimits.MaxValueCellsSetting, limit, cells), where);

    internal static ExecutionError PlotTooLarge(string component, long points, long limit, OperatorInfo where) => new(
        PlotTooLargeErrorType,
        Text($"Plot component '{component}' would draw {points:N0} points, more than {ExecutionLimits.MaxPlotPointsSetting} allows ({limit:N0}); it was not run."),
        ProcessStage.EXECUTING_COMPONENT_CODE, null, Extra(ExecutionLimits.MaxPlotPointsSetting, limit, points), where);

    /// <summary>The result could not be written within <see cref="ExecutionLimits.MaxResultBytes"/>.</summary>
    public static ExecutionError ResultTooLarge(long limit) => new(
        ResultTooLargeErrorType,
        Text($"The result is larger than {ExecutionLimits.MaxResultBytesSetting} allows ({limit:N0} bytes); its outputs were left out."),
        ProcessStage.ENCODING_RESULTS_TO_JSON, null, Extra(ExecutionLimits.MaxResultBytesSetting, limit, null));

    private static JsonObject Extra(string setting, double limit, long? actual) => new()
    {
        ["limit"] = setting,
        ["limit_value"] = limit,
        ["actual_value"] = actual,
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
