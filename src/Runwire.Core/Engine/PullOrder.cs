namespace Runwire.Core.Engine;

/// <summary>
/// hetida evaluates lazily: the root pulls its outputs in order, each node first pulls its inputs, then every other
/// node is evaluated. This computes that order once, so execution is a plain loop.
/// </summary>
internal static class PullOrder
{
    public static IReadOnlyList<int> Compute(IReadOnlyList<PlanNode> nodes, IReadOnlyList<KeyValuePair<string, InputSource>> outputs)
    {
        var state = new byte[nodes.Count]; // 0 new, 1 visiting, 2 done
        var order = new List<int>(nodes.Count);
        foreach (var (_, source) in outputs)
        {
            if (source is InputSource.FromNode from)
            {
                Visit(from.Node, nodes, state, order);
            }
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            Visit(i, nodes, state, order);
        }
        return order;
    }

    private static void Visit(int index, IReadOnlyList<PlanNode> nodes, byte[] state, List<int> order)
    {
        if (state[index] == 2)
        {
            return;
        }
        if (state[index] == 1)
        {
            throw new CircularDependencyException(nodes[index]);
        }
        state[index] = 1;
        foreach (var (_, source) in nodes[index].Inputs)
        {
            if (source is InputSource.FromNode from)
            {
                Visit(from.Node, nodes, state, order);
            }
        }
        state[index] = 2;
        order.Add(index);
    }
}
