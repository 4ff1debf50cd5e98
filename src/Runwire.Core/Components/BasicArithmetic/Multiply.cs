using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>hetida "Multiply": <c>a * b</c>.</summary>
public sealed class Multiply : IComponent
{
    public Guid Id { get; } = new("0438da97-f524-4a68-28c9-a88c81aa2c63");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["product"] = PyOps.Binary(BinaryOp.Multiply, inputs["a"], inputs["b"]) };
}
