namespace Runwire.Core.Components.Runners;

/// <summary>
/// Component code that cannot be loaded: it does not compile, its imports fail, it lacks the function, or no runner
/// for it exists on this host. The engine answers with hetida's <c>NodeFunctionLoadingError</c> at PARSING_WORKFLOW.
/// </summary>
public sealed class ComponentLoadException(string reason, string? traceback = null) : Exception(reason)
{
    /// <summary>The Python traceback of the failed load, when there is one.</summary>
    public string? Traceback { get; } = traceback;
}
