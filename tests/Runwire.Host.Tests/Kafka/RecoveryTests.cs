using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>Broker outages and host crashes lose no job: every job produced is answered.</summary>
public sealed class RecoveryTests : IDisposable
{
    private const int JobCount = 400;
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();
    private readonly List<Guid> _jobs = [.. Enumerable.Range(0, JobCount).Select(_ => Guid.NewGuid())];

    [Fact]
    public async Task BrokerDownAndUpMidStream_EveryJobAnsweredExactlyOnce()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        await serve.WaitAssignedAsync();
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);

        var sending = SendPacedAsync(producer);
        await results.WaitCountAsync(JobCount / 4, TimeSpan.FromSeconds(60));
        _broker.Down();
        // Longer than the host's session timeout (3 s): the group forgets it and it has to join again.
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        _broker.Up();
        await sending;

        await results.WaitCountAsync(JobCount, TimeSpan.FromSeconds(120));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(_jobs.Order(), answers.Select(a => Guid.Parse(a.JobId!)).Order());
        Assert.False(serve.HasExited);
    }

    [Fact]
    public async Task HostKilledMidStreamAndRestarted_EveryJobAnswered_OnlyUnrecordedAnswersRepeat()
    {
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var sending = SendPacedAsync(producer);
        using (var crashing = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap))
        {
            await results.WaitCountAsync(JobCount / 4, TimeSpan.FromSeconds(60));
            crashing.Kill();
        }
        // What the killed host had recorded as answered: those jobs must never be answered again.
        var recorded = File.ReadAllLines(Path.Combine(_dir.Path, "kafka-answered.log")).ToHashSet(StringComparer.Ordinal);
        using var restarted = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        await sending;

        var answers = await results.WaitAsync(a => a.Select(r => r.JobId).Distinct().Count() >= JobCount, TimeSpan.FromSeconds(120));
        answers = await results.SettleAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(_jobs.Order(), answers.Select(a => Guid.Parse(a.JobId!)).Distinct().Order());
        Assert.Contains(recorded, key => key.StartsWith("job:", StringComparison.Ordinal));
        // A kill between the broker's acknowledgement of an answer and the write of its key to the answered log repeats
        // that job once (no Kafka transactions, README "What the Kafka transport guarantees"); nothing else may repeat.
        var wronglyRepeated = answers.GroupBy(a => a.JobId!)
            .Where(g => g.Count() > 2 || (g.Count() == 2 && recorded.Contains($"job:{g.Key}")))
            .Select(g => $"{g.Key} answered {g.Count()} times");
        Assert.Empty(wronglyRepeated);
    }

    [Fact]
    public async Task GracefulStopMidStream_NothingLostNothingTwice()
    {
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var sending = SendPacedAsync(producer);
        using (var stopping = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap))
        {
            await results.WaitCountAsync(JobCount / 4, TimeSpan.FromSeconds(60));
            Assert.True(stopping.Terminate(TimeSpan.FromSeconds(60)));
            Assert.Equal(0, stopping.ExitCode);
        }
        using var restarted = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        await sending;

        await results.WaitCountAsync(JobCount, TimeSpan.FromSeconds(120));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(_jobs.Order(), answers.Select(a => Guid.Parse(a.JobId!)).Order());
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    /// <summary>About 100 jobs a second, so the stream is still flowing when the test interrupts it.</summary>
    private async Task SendPacedAsync(JobProducer producer)
    {
        for (var i = 0; i < _jobs.Count; i++)
        {
            producer.Enqueue($"job-{i}", TestJobs.ById(i, _jobs[i]));
            if (i % 10 == 9)
            {
                await Task.Delay(100);
            }
        }
        await Task.Run(producer.Flush);
    }
}
