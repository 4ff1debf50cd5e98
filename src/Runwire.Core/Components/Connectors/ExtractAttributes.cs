using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>"Extract Attributes" for Series, DataFrame and MultiTSFrame: returns <c>.attrs</c> (hetida's metadata) as a dict.</summary>
public sealed class ExtractAttributes(Guid id, string inputName) : IComponent
{
    public Guid Id { get; } = id;

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var attrs = inputs[inputName] switch
        {
            Series s => s.CloneAttrs(),
            DataFrame f => f.CloneAttrs(),
            var other => throw new PyException("AttributeError", $"'{Ordering.PyTypeName(other)}' object has no attribute 'attrs'"),
        };
        return new Dictionary<string, object?> { ["attributes"] = attrs };
    }
}
