using Runwire.Core.Transformations;

namespace Runwire.Core.Components.Runners;

/// <summary>
/// Chooses the runner for each component revision: the C# class bound to its id, or its Python code when no C# class
/// runs it (a user's component, a base component not ported yet, one Runwire cannot run in C#) or when
/// <see cref="Prefer"/> is <see cref="ComponentRunner.Python"/> (<c>Runwire:Components:Prefer</c>), which runs hetida's
/// original code wherever a revision carries it, so both runners can be compared on the same job.
/// </summary>
public sealed class ComponentRunners(ComponentRegistry csharp, IPythonRunner? python = null, ComponentRunner prefer = ComponentRunner.CSharp)
{
    public ComponentRegistry CSharp { get; } = csharp;

    public IPythonRunner? Python { get; } = python;

    public ComponentRunner Prefer { get; } = prefer;

    /// <summary>The C# components only (no Python runner): Python-only components fail to load with a clear message.</summary>
    public static ComponentRunners Builtin { get; } = new(ComponentRegistry.Builtin);

    /// <summary>Binds a component revision, or throws <see cref="ComponentBindException"/> saying why it cannot run here.</summary>
    public ComponentBinding Bind(TransformationRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var content = ContentOf(revision);
        var component = CSharp.Find(revision.Id, content);
        if (PythonCode.IsPythonCode(content) && (Prefer == ComponentRunner.Python || component is null or UnsupportedComponent))
        {
            return Python is null
                ? throw new ComponentBindException("NodeFunctionLoadingError",
                    $"component '{revision.Name}' has Python code and no C# implementation, and this host runs no Python components")
                : new PythonBinding(Python, new PythonCode(content!));
        }
        return component switch
        {
            UnsupportedComponent u => throw new ComponentBindException("ComponentNotSupportedError", $"Runwire does not support this component: {u.Reason}"),
            null => throw new ComponentBindException("NodeFunctionLoadingError", $"Runwire has no implementation of component '{revision.Name}'"),
            _ => new CSharpBinding(component),
        };
    }

    /// <summary>The C# class bound to a revision (by its id, or the class its content names), whether or not it runs it.</summary>
    public IComponent? CSharpOf(TransformationRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return CSharp.Find(revision.Id, ContentOf(revision));
    }

    /// <summary>Which runner would run a revision (for listings); null when none can.</summary>
    public ComponentRunner? RunnerOf(TransformationRevision revision) => RunnerOf(revision, out _);

    /// <summary>Which runner would run a revision; null when none can, and then <paramref name="reason"/> says why.</summary>
    public ComponentRunner? RunnerOf(TransformationRevision revision, out string? reason)
    {
        try
        {
            reason = null;
            return Bind(revision).Runner;
        }
        catch (ComponentBindException e)
        {
            reason = e.Message;
            return null;
        }
    }

    private static string? ContentOf(TransformationRevision revision) =>
        revision.Source["content"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var c) ? c : null;
}

/// <summary>A component revision no runner on this host can run: hetida's error type and the reason.</summary>
public sealed class ComponentBindException(string errorType, string reason) : Exception(reason)
{
    public string ErrorType { get; } = errorType;
}
