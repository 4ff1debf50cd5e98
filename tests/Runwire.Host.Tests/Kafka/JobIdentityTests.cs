using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>
/// Jobs without <c>job_id</c> are known by where their record lies within one cluster and topic: copies of a record carry
/// the same <c>job_id</c>, and another cluster's records at the same offsets are other jobs.
/// </summary>
public sealed class JobIdentityTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _lostDir = new();
    private readonly TempDirectory _otherDir = new();

    [Fact]
    public async Task LegacyJobAnsweredAgainAfterCrash_CopiesCarryTheSameJobId()
    {
        using var broker = new TestBroker();
        using var producer = new JobProducer(broker.Bootstrap);
        using var results = new TopicReader(broker.Bootstrap);
        await producer.SendAsync("legacy", TestJobs.RulLegacy());
        await producer.SendAsync("by-id", TestJobs.ById(3));
        await producer.SendAsync("undecodable", "not json");
        using (var first = await ServeProcess.StartAsync(_dir.Path, broker.Bootstrap, group: "crash"))
        {
            await results.WaitCountAsync(3, TimeSpan.FromSeconds(120));
            // Counted as answered once the answered topic has the job too.
            await RedeliveryTests.WaitConsumedAsync(first, 3);
            first.Kill();
        }

        // A new host under a new group, without the first one's data directory: the answered topic has every job.
        using (var other = await ServeProcess.StartAsync(_otherDir.Path, broker.Bootstrap, group: "crash-other"))
        {
            var status = await RedeliveryTests.WaitConsumedAsync(other, 3);
            Assert.Equal((0, 3), (status.Answered, status.Duplicates));
            Assert.True(other.Terminate(TimeSpan.FromSeconds(30)));
        }

        // A crash that lost the commits, the answered log and the answered topic: the records are answered a second time.
        using var second = await ServeProcess.StartAsync(_lostDir.Path, broker.Bootstrap, "crash-again", "--Kafka:AnsweredTopic=");
        await results.WaitCountAsync(6, TimeSpan.FromSeconds(120));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(6, answers.Count);
        foreach (var key in new[] { "legacy", "by-id", "undecodable" })
        {
            var copies = answers.Where(a => a.Key == key).ToList();
            Assert.Equal(2, copies.Count);
            Assert.Equal(copies[0].JobId, copies[1].JobId);
        }
        Assert.Equal(3, answers.Select(a => a.JobId).Distinct().Count());
    }

    [Fact]
    public async Task BrokerReplaced_JobsAtReusedOffsets_AreAnsweredNotSkipped()
    {
        var firstIds = await SendThreeAndAnswerAsync();
        // Same data directory and group, a new cluster whose offsets start at 0 again.
        var secondIds = await SendThreeAndAnswerAsync();
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    public void Dispose()
    {
        _dir.Dispose();
        _lostDir.Dispose();
        _otherDir.Dispose();
    }

    private async Task<IReadOnlyList<string?>> SendThreeAndAnswerAsync()
    {
        using var broker = new TestBroker();
        using var producer = new JobProducer(broker.Bootstrap);
        using var results = new TopicReader(broker.Bootstrap);
        for (var i = 0; i < 3; i++)
        {
            await producer.SendAsync("same-key", TestJobs.ById(i));
        }
        using var serve = await ServeProcess.StartAsync(_dir.Path, broker.Bootstrap, group: "replaced");
        var status = await RedeliveryTests.WaitConsumedAsync(serve, 3);
        Assert.Equal(0, status.Duplicates);
        Assert.Equal(3, status.Answered);
        var answers = await results.WaitCountAsync(3, TimeSpan.FromSeconds(60));
        Assert.True(serve.Terminate(TimeSpan.FromSeconds(30)));
        return [.. answers.Select(a => a.JobId)];
    }
}
