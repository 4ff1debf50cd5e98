using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>A job that was answered is not executed or answered again: not for copies, not after a restart.</summary>
public sealed class RedeliveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task SameJobDeliveredThreeTimes_OneExecutionOneResult()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var job = Guid.NewGuid();

        // Different keys spread the copies over partitions, so they may even run at the same time.
        await Task.WhenAll(producer.SendAsync("copy-1", TestJobs.ById(11, job)), producer.SendAsync("copy-2", TestJobs.ById(11, job)),
            producer.SendAsync("copy-3", TestJobs.ById(11, job)));
        await producer.SendAsync("marker", TestJobs.ById(12));

        await results.WaitCountAsync(2, TimeSpan.FromSeconds(60));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(2, answers.Count);
        TestJobs.AssertPassedThrough(Assert.Single(answers, a => a.JobId == job.ToString()), 11);
        var status = await WaitConsumedAsync(serve, 4);
        Assert.Equal(2, status.Answered);
        Assert.Equal(2, status.Duplicates);
    }

    [Fact]
    public async Task RestartedHostRereadingEverything_AnswersNothingTwice()
    {
        using var producer = new JobProducer(_broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        var job = Guid.NewGuid();
        await producer.SendAsync("with-job-id", TestJobs.ById(21, job));
        await producer.SendAsync("without-job-id", TestJobs.ById(22));
        await producer.SendAsync("undecodable", "not json");
        using (var first = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, group: "first"))
        {
            await results.WaitCountAsync(3, TimeSpan.FromSeconds(60));
            Assert.True(first.Terminate(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, first.ExitCode);
        }

        // A new group starts at the earliest offset: every record comes again, to a host with the same data directory.
        using var second = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, group: "second");
        var status = await WaitConsumedAsync(second, 3);
        Assert.Equal(3, status.Duplicates);
        Assert.Equal(0, status.Answered);
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(3, answers.Count);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    internal static async Task<(long Consumed, long Answered, long Duplicates)> WaitConsumedAsync(ServeProcess serve, int records)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await serve.KafkaStatusAsync();
            var counts = ((long)status["consumed"]!, (long)status["answered"]!, (long)status["duplicates_skipped"]!);
            if ((counts.Item2 + counts.Item3 >= records) || DateTime.UtcNow > deadline)
            {
                return counts;
            }
            await Task.Delay(100);
        }
    }
}
