namespace Runwire.Core.Components.Runners;

/// <summary>
/// A component revision bound to the runner that executes it: the one seam the engine calls for every component node.
/// Both runners take and return the engine's value model, so a result does not reveal which runner produced it.
/// </summary>
public abstract class ComponentBinding
{
    public abstract ComponentRunner Runner { get; }

    /// <summary>Checks, before anything runs, that the code can be loaded (hetida loads every node at PARSING_WORKFLOW).</summary>
    public virtual ValueTask PrepareAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Runs the component once with keyword inputs; raises <see cref="Data.PyException"/> as hetida's code would.</summary>
    public abstract ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(ComponentInputs inputs, CancellationToken cancellationToken);
}

/// <summary>A C# component: runs synchronously on the calling thread.</summary>
public sealed class CSharpBinding(IComponent component) : ComponentBinding
{
    public IComponent Component { get; } = component;

    public override ComponentRunner Runner => ComponentRunner.CSharp;

    public override ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(ComponentInputs inputs, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Component.Run(inputs));
}

/// <summary>A component whose Python code runs in the Python runner.</summary>
public sealed class PythonBinding(IPythonRunner runner, PythonCode code) : ComponentBinding
{
    public PythonCode Code { get; } = code;

    public override ComponentRunner Runner => ComponentRunner.Python;

    public override ValueTask PrepareAsync(CancellationToken cancellationToken) => runner.LoadAsync(Code, cancellationToken);

    public override ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(ComponentInputs inputs, CancellationToken cancellationToken) =>
        runner.CallAsync(Code, inputs, cancellationToken);
}
