using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Basic;

/// <summary>
/// hetida's comparison components: <c>try: left OP right except ValueError: left.FLEX(right)</c>. The operator refuses
/// differently labelled Series/DataFrames with ValueError; the flex method then aligns them.
/// </summary>
internal static class ComparisonFallback
{
    public static IReadOnlyDictionary<string, object?> Run(CompareOp op, ComponentInputs inputs)
    {
        var (left, right) = (inputs["left"], inputs["right"]);
        object? result;
        try
        {
            result = PyOps.Compare(op, left, right);
        }
        catch (PyException e) when (PyErrors.IsInstance(e, "ValueError"))
        {
            result = PyOps.CompareFlex(op, left, right);
        }
        return new Dictionary<string, object?> { ["result"] = result };
    }
}
