using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Log to base": <c>np.log(data) / np.log(base)</c>, a division of numpy values (base 1 gives inf, not an error).</summary>
public sealed class LogToBase : IComponent
{
    public Guid Id { get; } = new("cd804f5d-76ea-1f8b-6adc-b4c4a78acaf4");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var numerator = PyOps.Apply(UFunc.Log, inputs["data"]);
        var denominator = PyOps.Apply(UFunc.Log, inputs["base"]);
        return new Dictionary<string, object?> { ["log"] = PyOps.NumpyBinary(BinaryOp.TrueDivide, numerator, denominator) };
    }
}
