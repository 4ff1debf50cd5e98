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

    // Iterative depth-first search in the order the recursive one would take: a chain of many thousand operators must
    // not overflow the stack of the worker running it.
    private static void Visit(int start, IReadOnlyList<PlanNode> nodes, byte[] state, List<int> order)
    {
        if (state[start] == 2)
        {
            return;
        }
        state[start] = 1;
        var pending = new Stack<(int Node, int NextInput)>();
        pending.Push((start, 0));
        while (pending.Count > 0)
        {
            var (index, next) = pending.Pop();
            var inputs = nodes[index].Inputs;
            while (next < inputs.Count && inputs[next].Value is not InputSource.FromNode)
            {
                next++;
            }
            if (next == inputs.Count)
            {
                state[index] = 2;
                order.Add(index);
                continue;
            }
            pending.Push((index, next + 1));
            var input = ((InputSource.FromNode)inputs[next].Value).Node;
            if (state[input] == 1)
            {
                throw new CircularDependencyException(nodes[input]);
            }
            if (state[input] == 0)
            {
                state[input] = 1;
                pending.Push((input, 0));
            }
        }
    }
}
