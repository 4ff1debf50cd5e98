using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Exp": <c>math.e ** data</c> (Python float power: OverflowError for huge exponents).</summary>
public sealed class Exp : IComponent
{
    public Guid Id { get; } = new("0da30127-b4d1-5e0d-2621-2c59b891c9b0");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["exp"] = PyOps.Binary(BinaryOp.Power, Math.E, inputs["data"]) };
}
