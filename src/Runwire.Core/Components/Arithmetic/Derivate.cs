using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>
/// hetida "Derivate": difference quotients of the series without NaN, sorted by its index, stamped at the later index;
/// datetime indexes count in seconds. Equal x values give inf/NaN (numpy division).
/// </summary>
public sealed class Derivate : IComponent
{
    public Guid Id { get; } = new("84bcdf4c-a068-3679-0cec-78bd6fcd3b48");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var (sorted, dx) = TimeSeriesIndex.SortedWithSteps(inputs["data"]);
        var dy = TimeSeriesIndex.Differences(sorted.Values);
        var quotients = ElementWise.Binary(BinaryOp.TrueDivide, Operand.Of(dy), Operand.Of(dx), pandas: false);
        return new Dictionary<string, object?> { ["diff_quo"] = new Series(TimeSeriesIndex.Later(sorted.Index), quotients) };
    }
}
