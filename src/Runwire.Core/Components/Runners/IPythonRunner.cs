namespace Runwire.Core.Components.Runners;

/// <summary>Runs hetida component code out of process (implemented by <c>Runwire.Python</c>'s worker pool).</summary>
public interface IPythonRunner
{
    /// <summary>Loads the code once (cached per <see cref="PythonCode.Key"/>); throws <see cref="ComponentLoadException"/> when it cannot.</summary>
    ValueTask LoadAsync(PythonCode code, CancellationToken cancellationToken);

    /// <summary>Calls the code's function with keyword inputs; component errors surface as <see cref="Data.PyException"/>.</summary>
    ValueTask<IReadOnlyDictionary<string, object?>> CallAsync(PythonCode code, ComponentInputs inputs, CancellationToken cancellationToken);
}
