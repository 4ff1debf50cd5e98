namespace Runwire.Core.Components;

/// <summary>
/// A C# implementation of one hetida component revision, bound by the revision's id. The engine passes the
/// connected inputs (and defaults of unconnected optional inputs) and expects a value for every declared output.
/// Raise <see cref="Data.PyException"/> with hetida's exception class where hetida's component raises.
/// </summary>
public interface IComponent
{
    /// <summary>The hetida transformation revision id this class implements.</summary>
    Guid Id { get; }

    /// <summary>Runs the component once.</summary>
    IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs);
}
