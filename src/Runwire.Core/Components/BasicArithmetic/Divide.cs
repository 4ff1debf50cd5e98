using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>hetida "Divide": <c>a / b</c> (ZeroDivisionError for scalars, inf/NaN inside Series).</summary>
public sealed class Divide : IComponent
{
    public Guid Id { get; } = new("6d510037-229e-8e85-56f3-4a3797fdf315");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["quotient"] = PyOps.Binary(BinaryOp.TrueDivide, inputs["a"], inputs["b"]) };
}
