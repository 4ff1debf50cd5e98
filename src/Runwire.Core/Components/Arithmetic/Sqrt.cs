using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Sqrt": <c>np.sqrt(data)</c> (negatives give NaN).</summary>
public sealed class Sqrt : IComponent
{
    public Guid Id { get; } = new("40a03a56-5e3d-2695-07e4-9bcf0b1c3a39");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["sqrt"] = PyOps.Apply(UFunc.Sqrt, inputs["data"]) };
}
