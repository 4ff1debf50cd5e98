using Runwire.Core.Transformations;

namespace Runwire.WebConsole.Rendering;

/// <summary>A box of the drawn graph: an operator, a workflow input (left) or output (right).</summary>
public sealed record GraphNode(string Label, string Detail, string Kind, double X, double Y);

/// <summary>A line between two boxes, from the right edge of one to the left edge of the other.</summary>
public sealed record GraphEdge(double X1, double Y1, double X2, double Y2, string Label);

/// <summary>
/// A workflow laid out left to right: inputs, then each operator in the column after the longest chain of operators
/// feeding it, then outputs. Good enough to see what feeds what; no crossing minimisation.
/// </summary>
public sealed record WorkflowGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, double Width, double Height)
{
    public const double BoxWidth = 170, BoxHeight = 40, ColumnGap = 70, RowGap = 24, Margin = 10;

    public static WorkflowGraph? Of(TransformationRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.Workflow is not { } flow)
        {
            return null;
        }
        var column = flow.Operators.ToDictionary(o => o.Id, _ => 1);
        // Longest path: at most one pass per operator settles every column of an acyclic graph.
        for (var pass = 0; pass < flow.Operators.Count; pass++)
        {
            var changed = false;
            foreach (var link in flow.Links)
            {
                if (column.TryGetValue(link.StartOperator, out var from) && column.TryGetValue(link.EndOperator, out var to) && to <= from)
                {
                    column[link.EndOperator] = from + 1;
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        var last = column.Count == 0 ? 1 : column.Values.Max() + 1;
        var nodes = new List<GraphNode>();
        var place = new Dictionary<object, (double X, double Y)>();
        var rows = new Dictionary<int, int>();
        (double, double) Slot(int c)
        {
            var r = rows.GetValueOrDefault(c);
            rows[c] = r + 1;
            return (Margin + c * (BoxWidth + ColumnGap), Margin + r * (BoxHeight + RowGap));
        }
        foreach (var input in flow.Inputs)
        {
            var (x, y) = Slot(0);
            place[input.Id] = (x, y);
            nodes.Add(new GraphNode(input.Name ?? "(unnamed)", input.DataType.ToString(), "input", x, y));
        }
        foreach (var constant in flow.Constants)
        {
            var (x, y) = Slot(0);
            place[constant.Id] = (x, y);
            nodes.Add(new GraphNode(constant.Value.Length > 20 ? constant.Value[..20] + "…" : constant.Value, "constant " + constant.DataType, "constant", x, y));
        }
        foreach (var op in flow.Operators.OrderBy(o => column[o.Id]).ThenBy(o => o.Name, StringComparer.Ordinal))
        {
            var (x, y) = Slot(column[op.Id]);
            place[op.Id] = (x, y);
            nodes.Add(new GraphNode(op.Name, op.Type == TransformationType.Workflow ? "workflow" : "component", "operator", x, y));
        }
        foreach (var output in flow.Outputs)
        {
            var (x, y) = Slot(last);
            place[output.Id] = (x, y);
            nodes.Add(new GraphNode(output.Name ?? "(unnamed)", output.DataType.ToString(), "output", x, y));
        }
        var edges = new List<GraphEdge>();
        void Edge(object from, object to, string label)
        {
            if (place.TryGetValue(from, out var a) && place.TryGetValue(to, out var b))
            {
                edges.Add(new GraphEdge(a.X + BoxWidth, a.Y + BoxHeight / 2, b.X, b.Y + BoxHeight / 2, label));
            }
        }
        foreach (var link in flow.Links)
        {
            Edge(link.StartOperator, link.EndOperator, $"{link.StartConnector} → {link.EndConnector}");
        }
        foreach (var input in flow.Inputs)
        {
            Edge(input.Id, input.OperatorId, input.ConnectorName);
        }
        foreach (var constant in flow.Constants)
        {
            Edge(constant.Id, constant.OperatorId, constant.ConnectorName);
        }
        foreach (var output in flow.Outputs)
        {
            Edge(output.OperatorId, output.Id, output.ConnectorName);
        }
        var width = nodes.Count == 0 ? 200 : nodes.Max(n => n.X) + BoxWidth + Margin;
        var height = nodes.Count == 0 ? 60 : nodes.Max(n => n.Y) + BoxHeight + Margin;
        return new WorkflowGraph(nodes, edges, width, height);
    }
}
