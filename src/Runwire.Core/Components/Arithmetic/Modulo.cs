using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Modulo": <c>a % b</c> (the result takes the sign of b).</summary>
public sealed class Modulo : IComponent
{
    public Guid Id { get; } = new("ebb5b2d1-7c25-94dd-ca81-6a9e5b21bc2f");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["modulo"] = PyOps.Binary(BinaryOp.Modulo, inputs["a"], inputs["b"]) };
}
