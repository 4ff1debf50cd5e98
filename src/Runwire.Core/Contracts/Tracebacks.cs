namespace Runwire.Core.Contracts;

/// <summary>
/// The <c>traceback</c> text of a failure result. hetida puts Python's <c>traceback.format_exc()</c> there, whose frame
/// users care about is the component's own (<c>File "COMPONENT CODE", line …, in main</c>). Runwire writes that frame for
/// errors raised in component code and nothing of its own code: no .NET frames, no source file paths.
/// </summary>
public static class Tracebacks
{
    /// <summary>hetida's file name for frames of component code.</summary>
    public const string ComponentCodeFile = "COMPONENT CODE";

    /// <summary>The traceback for an error: the component frame when component code raised it, else Python's last line only.</summary>
    public static string Of(ExecutionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var last = $"{error.Type}: {error.Message}";
        if (error.Location is not { File: ComponentCodeFile } location)
        {
            // Python prints an exception without frames as this one line (traceback.format_exception_only).
            return last;
        }
        var line = location.LineNumber > 0 ? $", line {location.LineNumber}" : "";
        var component = error.OperatorInfo?.TransformationInfo.Name is { } name ? $"component '{name}' " : "";
        return "Traceback (most recent call last):\n"
            + $"  File \"{ComponentCodeFile}\"{line}, in main\n"
            + $"    {component}({location.FunctionName})\n"
            + last;
    }
}
