using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>A full job queue pauses Kafka consumption instead of buffering; nothing is lost or repeated by it.</summary>
public sealed class BackPressureTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task TinyQueue_BurstOfJobs_ConsumptionPausesAndResumes_EachAnsweredOnce()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-tests", 
            "--Jobs:QueueCapacity=10", "--Jobs:Concurrency=1", "--Kafka:PauseAfterMs=0");
        await serve.WaitAssignedAsync();
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var jobs = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < jobs.Count; i++)
        {
            producer.Enqueue($"job-{i}", TestJobs.ById(i, jobs[i]));
        }
        producer.Flush();

        await results.WaitCountAsync(jobs.Count, TimeSpan.FromSeconds(120));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(jobs.Order(), answers.Select(a => Guid.Parse(a.JobId!)).Order());
        Assert.Contains("consumption paused", serve.Output, StringComparison.Ordinal);
        Assert.Contains("consumption resumed", serve.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }
}
