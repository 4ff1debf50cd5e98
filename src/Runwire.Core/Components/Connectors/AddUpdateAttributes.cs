using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// "Add/Update Attributes" for Series, DataFrame and MultiTSFrame: <c>obj.attrs.update(attributes)</c> (on a copy; hetida
/// changes the caller's object).
/// </summary>
public sealed class AddUpdateAttributes(Guid id, string inputName) : IComponent
{
    public Guid Id { get; } = id;

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var target = inputs[inputName];
        var attrs = target switch
        {
            Series s => s.CloneAttrs(),
            DataFrame f => f.CloneAttrs(),
            var other => throw new PyException("AttributeError", $"'{Ordering.PyTypeName(other)}' object has no attribute 'attrs'"),
        };
        PyDicts.Update(attrs, inputs["attributes"]);
        object? result = target is Series series ? series.WithAttrs(attrs) : ((DataFrame)target!).WithAttrs(attrs);
        return new Dictionary<string, object?> { [inputName] = result };
    }
}
