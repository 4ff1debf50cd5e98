namespace Runwire.Core.Components;

/// <summary>The explicit list of C# component implementations, keyed by hetida revision id (duplicates fail at start).</summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<Guid, IComponent> _byId;

    public ComponentRegistry(IEnumerable<IComponent> components) => _byId = components.ToDictionary(c => c.Id);

    /// <summary>The registry of every component Runwire ships.</summary>
    public static ComponentRegistry Builtin { get; } = new(BuiltinComponents.All());

    public IComponent? Find(Guid id) => _byId.GetValueOrDefault(id);

    public IEnumerable<Guid> Ids => _byId.Keys;
}
