using System.Text.Json.Nodes;

namespace Runwire.Core.Data;

/// <summary>
/// An error with a Python exception class name (<c>ValueError</c>, <c>TypeError</c>, <c>ZeroDivisionError</c>, ...):
/// hetida reports the class name as <c>error.type</c>, so components raise these where hetida's code would raise.
/// <see cref="ErrorCode"/> and <see cref="ExtraInformation"/> mirror hetida's <c>ComponentException</c>.
/// </summary>
public class PyException(string typeName, string message, Exception? inner = null) : Exception(message, inner)
{
    public string TypeName { get; } = typeName;

    /// <summary>hetida's <c>error_code</c> (int or string); null for ordinary exceptions.</summary>
    public object? ErrorCode { get; init; }

    /// <summary>hetida's <c>extra_information</c>; null for ordinary exceptions.</summary>
    public JsonObject? ExtraInformation { get; init; }

    /// <summary>hetida's traceback text when the error was raised by Python component code; null for C# components.</summary>
    public string? Traceback { get; init; }

    /// <summary>Where in Python component code the error was raised; null for C# components.</summary>
    public Contracts.ErrorLocation? Location { get; init; }

    public static PyException ValueError(string message) => new("ValueError", message);

    public static PyException TypeError(string message) => new("TypeError", message);

    public static PyException KeyError(string message) => new("KeyError", message);

    public static PyException ZeroDivision(string message = "division by zero") => new("ZeroDivisionError", message);
}
