namespace Runwire.Host.Tests.Support;

/// <summary>The test broker program (librdkafka's mock cluster) with the topics a test needs.</summary>
internal sealed class TestBroker : IDisposable
{
    public const int Partitions = 4;
    private readonly ChildProcess _process;

    public TestBroker(params string[] extraTopics)
    {
        string[] topics = [Topics.Jobs, Topics.Results, Topics.DeadLetters, .. extraTopics];
        _process = new ChildProcess(Paths.TestBroker, ["--control", .. topics.SelectMany(t => new[] { "--topic", $"{t}:{Partitions}" })],
            redirectInput: true);
        var line = _process.WaitForLine(l => l.StartsWith("BOOTSTRAP=", StringComparison.Ordinal), TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException($"The test broker did not start:\n{_process.Output}");
        Bootstrap = line["BOOTSTRAP=".Length..];
    }

    public string Bootstrap { get; }

    /// <summary>All brokers drop their connections and refuse new ones, keeping their data.</summary>
    public void Down() => Command("down");

    public void Up() => Command("up");

    public void Dispose() => _process.Dispose();

    private void Command(string command)
    {
        _process.Input.WriteLine(command);
        _process.Input.Flush();
        if (_process.WaitForLine(l => l is "OK" || l.StartsWith("ERROR", StringComparison.Ordinal), TimeSpan.FromSeconds(10)) != "OK")
        {
            throw new InvalidOperationException($"Broker command '{command}' failed:\n{_process.Output}");
        }
    }
}

/// <summary>The topic names the host uses by default (the seed document's).</summary>
internal static class Topics
{
    public const string Jobs = "designer_initialize_job";
    public const string Results = "designer_job_result";
    public const string DeadLetters = "designer_initialize_job_dead_letter";

    /// <summary>The compacted topic of answered job ids the hosts of a group share.</summary>
    public const string Answered = "designer_initialize_job_answered";
}
