using Runwire.Core.Data;

namespace Runwire.Core.Engine;

/// <summary>
/// The size budgets checked around each component call: what a component produced (<see cref="ExecutionLimits.MaxValueCells"/>)
/// and, before a plot component runs, how many points it would draw (<see cref="ExecutionLimits.MaxPlotPoints"/>).
/// A plot is refused before it runs because its figure costs many times its input in memory.
/// </summary>
internal static class ValueBudget
{
    /// <summary>The values a series or frame holds (a frame: rows times columns); 0 for anything else.</summary>
    public static long Cells(object? value) => value switch
    {
        Series s => s.Length,
        DataFrame f => (long)f.RowCount * Math.Max(1, f.Columns.Count),
        _ => 0,
    };

    public static void CheckPlot(PlanNode node, IReadOnlyDictionary<string, object?> args, ExecutionLimits limits)
    {
        if (limits.MaxPlotPoints <= 0 || !node.Revision.Outputs.Any(o => o.DataType == DataType.PlotlyJson))
        {
            return;
        }
        var points = args.Values.Sum(Cells);
        if (points > limits.MaxPlotPoints)
        {
            throw new ExecutionFailureException(LimitErrors.PlotTooLarge(node.Revision.Name, points, limits.MaxPlotPoints, Where(node)));
        }
    }

    public static void CheckOutputs(PlanNode node, IReadOnlyDictionary<string, object?> outputs, ExecutionLimits limits)
    {
        if (limits.MaxValueCells <= 0)
        {
            return;
        }
        foreach (var (name, value) in outputs)
        {
            var cells = Cells(value);
            if (cells > limits.MaxValueCells)
            {
                throw new ExecutionFailureException(LimitErrors.ValueTooLarge(node.Revision.Name, name, cells, limits.MaxValueCells, Where(node)));
            }
        }
    }

    public static Contracts.OperatorInfo Where(PlanNode node) => Errors.OperatorInfo(node.Revision, node.HierarchyNames, node.HierarchyIds);
}
