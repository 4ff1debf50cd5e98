using Runwire.Core.Engine;

namespace Runwire.Core.Tests.Engine;

public sealed class PullOrderTests
{
    [Fact]
    public void Compute_ChainOf200000Operators_InputsFirstWithoutOverflowingTheStack()
    {
        var nodes = Chain(200_000);

        var order = PullOrder.Compute(nodes, [KeyValuePair.Create("out", (InputSource)new InputSource.FromNode(nodes.Count - 1, "y"))]);

        Assert.Equal(Enumerable.Range(0, nodes.Count), order);
    }

    [Fact]
    public void Compute_InputsPulledInOrderThenTheRest()
    {
        var nodes = Chain(4);
        nodes[3].Inputs.Insert(0, KeyValuePair.Create("first", (InputSource)new InputSource.FromNode(1, "y")));
        nodes.Add(Node(4));

        var order = PullOrder.Compute(nodes, [KeyValuePair.Create("out", (InputSource)new InputSource.FromNode(3, "y"))]);

        Assert.Equal([0, 1, 2, 3, 4], order);
    }

    [Fact]
    public void Compute_Cycle_CircularDependencyAtTheNodeReachedAgain()
    {
        var nodes = Chain(3);
        nodes[0].Inputs.Add(KeyValuePair.Create("x", (InputSource)new InputSource.FromNode(2, "y")));

        var e = Assert.Throws<CircularDependencyException>(() =>
            PullOrder.Compute(nodes, [KeyValuePair.Create("out", (InputSource)new InputSource.FromNode(2, "y"))]));

        Assert.Same(nodes[2], e.Node);
    }

    /// <summary>Node i reads node i - 1.</summary>
    private static List<PlanNode> Chain(int count)
    {
        var nodes = new List<PlanNode>(count);
        for (var i = 0; i < count; i++)
        {
            var node = Node(i);
            if (i > 0)
            {
                node.Inputs.Add(KeyValuePair.Create("x", (InputSource)new InputSource.FromNode(i - 1, "y")));
            }
            nodes.Add(node);
        }
        return nodes;
    }

    private static PlanNode Node(int index) => new(index, null!, null!, ["root", $"op {index}"], ["root", $"{index}"]);
}
