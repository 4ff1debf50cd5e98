namespace Runwire.Core.Components;

/// <summary>The explicit list of C# component implementations, keyed by hetida revision id (duplicates fail at start).</summary>
public sealed class ComponentRegistry
{
    /// <summary>How a component export names its C# implementation in <c>content</c>.</summary>
    public const string ContentPrefix = "runwire:csharp:";

    private readonly Dictionary<Guid, IComponent> _byId;
    private readonly Dictionary<string, IComponent> _byClass;

    public ComponentRegistry(IEnumerable<IComponent> components)
    {
        _byId = components.ToDictionary(c => c.Id);
        _byClass = _byId.Values.GroupBy(c => c.GetType().FullName!).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The registry of every component Runwire ships.</summary>
    public static ComponentRegistry Builtin { get; } = new(BuiltinComponents.All());

    public IComponent? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The implementation of a revision: by its id, else by the class its content names
    /// (<c>runwire:csharp:&lt;class&gt;</c>), so a new revision of a shipped component runs without code changes.
    /// </summary>
    public IComponent? Find(Guid id, string? content) =>
        Find(id) ?? (content is not null && content.StartsWith(ContentPrefix, StringComparison.Ordinal)
            ? _byClass.GetValueOrDefault(content[ContentPrefix.Length..].Trim())
            : null);

    public IEnumerable<Guid> Ids => _byId.Keys;
}
