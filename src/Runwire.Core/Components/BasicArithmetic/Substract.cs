using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>hetida "Substract" (sic): <c>a - b</c>.</summary>
public sealed class Substract : IComponent
{
    public Guid Id { get; } = new("10d27d69-e999-6654-3cef-427672aeb0fa");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["difference"] = PyOps.Binary(BinaryOp.Subtract, inputs["a"], inputs["b"]) };
}
