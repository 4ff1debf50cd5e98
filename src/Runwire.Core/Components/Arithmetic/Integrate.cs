using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>
/// hetida "Integrate": trapezoidal rule (<c>scipy.integrate.trapz</c>) over the series without NaN, sorted by its
/// index; datetime indexes count in seconds since the first timestamp.
/// </summary>
public sealed class Integrate : IComponent
{
    public Guid Id { get; } = new("dd73bac2-cd9d-61c5-0aec-9dec6f337516");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var (sorted, dx) = TimeSeriesIndex.SortedWithSteps(inputs["data"]);
        var ySums = TimeSeriesIndex.AdjacentSums(sorted.Values);
        var areas = ElementWise.Binary(BinaryOp.Multiply, Operand.Of(dx), Operand.Of(ySums), pandas: false);
        var halves = ElementWise.Binary(BinaryOp.TrueDivide, Operand.Of(areas), Operand.Broadcast(2.0, areas.Length), pandas: false);
        var integral = halves is Float64Column f ? NumpySum.Sum(f.Values) : throw PyErrors.NotSupported("integrating non-numeric values");
        return new Dictionary<string, object?> { ["integral"] = integral };
    }
}
