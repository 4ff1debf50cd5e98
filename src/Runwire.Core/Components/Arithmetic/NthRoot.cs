using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "nth root": <c>data ** (1 / n)</c> (Python division first, so n == 0 raises ZeroDivisionError).</summary>
public sealed class NthRoot : IComponent
{
    public Guid Id { get; } = new("11152e31-cf25-4280-2b28-220319277011");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var exponent = PyOps.Binary(BinaryOp.TrueDivide, 1L, inputs["n"]);
        return new Dictionary<string, object?> { ["root"] = PyOps.Binary(BinaryOp.Power, inputs["data"], exponent) };
    }
}
