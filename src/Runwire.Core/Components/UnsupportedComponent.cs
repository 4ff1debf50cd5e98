using Runwire.Core.Data;

namespace Runwire.Core.Components;

/// <summary>
/// A hetida component Runwire knows but cannot run (Keras/TensorFlow models, scikit-learn models, Python objects).
/// The engine rejects workflows that contain one before anything runs; <see cref="Reason"/> tells the user why.
/// </summary>
public sealed class UnsupportedComponent(Guid id, string name, string reason) : IComponent
{
    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public string Reason { get; } = reason;

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        throw new PyException("NotSupportedError", $"Component '{Name}' ({Id}) is not supported by Runwire: {Reason}");
}
