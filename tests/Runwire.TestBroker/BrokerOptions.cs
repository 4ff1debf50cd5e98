namespace Runwire.TestBroker;

/// <summary>The command line of the test broker.</summary>
internal sealed record BrokerOptions(int Brokers, IReadOnlyList<(string Name, int Partitions)> Topics, string? BootstrapFile, bool Control)
{
    public const int DefaultPartitions = 4;

    public const string Usage = """
        usage: runwire-test-broker [--brokers N] [--topic NAME[:PARTITIONS]]... [--bootstrap-file PATH] [--control]
          --brokers N          brokers in the mock cluster (default 3)
          --topic NAME:P       create a topic with P partitions (default 4); repeatable
          --bootstrap-file F   also write the bootstrap list to F
          --control            read commands from stdin: "down", "up", "topic NAME:P"; exit when stdin closes
        Prints BOOTSTRAP=host:port,... first, then runs until SIGTERM or Ctrl-C.
        """;

    public static BrokerOptions? Parse(IReadOnlyList<string> args)
    {
        var brokers = 3;
        var topics = new List<(string, int)>();
        string? file = null;
        var control = false;
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--brokers" when int.TryParse(Next(), out var n) && n is > 0 and < 100:
                    brokers = n;
                    break;
                case "--topic" when ParseTopic(Next()) is { } topic:
                    topics.Add(topic);
                    break;
                case "--bootstrap-file" when Next() is { } path:
                    file = path;
                    break;
                case "--control":
                    control = true;
                    break;
                default:
                    return null;
            }
        }
        return new BrokerOptions(brokers, topics, file, control);
    }

    public static (string Name, int Partitions)? ParseTopic(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return (text, DefaultPartitions);
        }
        return int.TryParse(text[(colon + 1)..], out var partitions) && partitions > 0 && colon > 0
            ? (text[..colon], partitions)
            : null;
    }
}
