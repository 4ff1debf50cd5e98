namespace Runwire.TestBroker;

/// <summary>Commands from stdin so a test can take the cluster down and up while clients keep running.</summary>
internal sealed class ControlLoop(MockCluster cluster, TextReader input, TextWriter output)
{
    public void Run(CancellationTokenSource stop)
    {
        while (input.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var reply = parts switch
            {
                ["down"] => Do(cluster.Down),
                ["up"] => Do(cluster.Up),
                ["topic", var spec] when BrokerOptions.ParseTopic(spec) is { } topic => Do(() => cluster.CreateTopic(topic.Name, topic.Partitions)),
                [] => null,
                _ => $"ERROR unknown command: {line}",
            };
            if (reply is not null)
            {
                output.WriteLine(reply);
                output.Flush();
            }
        }
        stop.Cancel();
    }

    private static string Do(Action action)
    {
        try
        {
            action();
            return "OK";
        }
        catch (InvalidOperationException e)
        {
            return $"ERROR {e.Message}";
        }
    }
}
