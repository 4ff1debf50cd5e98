using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>Hosts in one consumer group share the job partitions; every job is answered exactly once.</summary>
public sealed class ConsumerGroupTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task TwoHostsOneGroup_ThousandJobs_EachAnsweredExactlyOnceByEitherHost()
    {
        using var a = await ServeProcess.StartAsync(_dir.Sub("a"), _broker.Bootstrap);
        using var b = await ServeProcess.StartAsync(_dir.Sub("b"), _broker.Bootstrap);
        await a.WaitAssignedAsync();
        await b.WaitAssignedAsync();
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var jobs = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();

        for (var i = 0; i < jobs.Count; i++)
        {
            producer.Enqueue($"job-{i}", TestJobs.ById(i, jobs[i]));
        }
        producer.Flush();

        await results.WaitCountAsync(jobs.Count, TimeSpan.FromSeconds(120));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(jobs.Order(), answers.Select(r => Guid.Parse(r.JobId!)).Order());
        for (var i = 0; i < jobs.Count; i += 97)
        {
            TestJobs.AssertPassedThrough(answers.Single(r => r.Key == $"job-{i}"), i);
        }
        var hosts = answers.GroupBy(r => (int)r.Json["process_id"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([a.ProcessId, b.ProcessId], hosts.Keys.Order());
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }
}
