using System.Diagnostics;
using Runwire.Core.Contracts;
using Runwire.Core.Data;

namespace Runwire.Core.Engine;

/// <summary>Maps exceptions from component code to hetida's error type/message/location.</summary>
internal static class ComponentErrors
{
    public static (string Type, string Message) Describe(Exception e) => e switch
    {
        PyException py => (py.TypeName, py.Message),
        DivideByZeroException => ("ZeroDivisionError", "division by zero"),
        KeyNotFoundException => ("KeyError", e.Message),
        IndexOutOfRangeException or ArgumentOutOfRangeException => ("IndexError", e.Message),
        InvalidCastException => ("TypeError", e.Message),
        OverflowException => ("OverflowError", e.Message),
        ArgumentException or FormatException => ("ValueError", e.Message),
        _ => (e.GetType().Name, e.Message),
    };

    // hetida marks errors raised in user code with file "COMPONENT CODE"; Runwire names the C# component class and line.
    public static ErrorLocation Location(PlanNode node, Exception e)
    {
        if (e is PyException { Location: { } python })
        {
            return python;
        }
        if (node.Binding is not Components.Runners.CSharpBinding { Component: var component })
        {
            return new ErrorLocation(Tracebacks.ComponentCodeFile, "main", 0);
        }
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType == component.GetType());
        return new ErrorLocation(Tracebacks.ComponentCodeFile, $"{component.GetType().FullName}.Run", frame?.GetFileLineNumber() ?? 0);
    }
}
