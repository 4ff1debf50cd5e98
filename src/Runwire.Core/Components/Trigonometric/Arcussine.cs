using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Trigonometric;

/// <summary>hetida "Arcussine": <c>np.arcsin(data)</c>.</summary>
public sealed class Arcussine : IComponent
{
    public Guid Id { get; } = new("487008dc-1476-139c-5392-d5d0de1e6505");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["result"] = PyOps.Apply(UFunc.Arcsin, inputs["data"]) };
}
