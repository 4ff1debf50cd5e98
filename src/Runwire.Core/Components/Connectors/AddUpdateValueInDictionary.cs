using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>"Add/Update Value in Dictionary": <c>dictionary |= {key: value}</c> (on a copy).</summary>
public sealed class AddUpdateValueInDictionary : IComponent
{
    public Guid Id { get; } = new("6c956baa-7fd2-4465-b87d-adbe4069d072");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        if (inputs["dictionary"] is not JsonObject dictionary)
        {
            throw PyException.TypeError($"unsupported operand type(s) for |=: '{Ordering.PyTypeName(inputs["dictionary"])}' and 'dict'");
        }
        var result = (JsonObject)dictionary.DeepClone();
        result[PyDicts.KeyText(inputs["key"])] = PyDicts.ToNode(inputs["value"]);
        return new Dictionary<string, object?> { ["dictionary"] = result };
    }
}
