using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>
/// Jobs that killed the host or stopped its partition before: each gets one failure answer keyed like it, and the job
/// behind it on the same partition is answered too.
/// </summary>
public sealed class PoisonJobTests : IDisposable
{
    private const string Key = "one-partition";
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task StoredWorkflowThatContainsItself_FailureAnswer_NextJobOnThePartitionAnswered()
    {
        var stored = Guid.NewGuid();
        PoisonTrafos.Persist(_dir.Path, PoisonTrafos.SelfNesting(stored));
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var (poison, next) = (Guid.NewGuid(), Guid.NewGuid());

        await producer.SendAsync(Key, TestJobs.NoInputs(stored, poison));
        await producer.SendAsync(Key, TestJobs.ById(8, next));

        var answers = await AnswersAsync(results, 2);
        var failure = answers.Single(a => a.JobId == poison.ToString());
        Assert.Equal("failure", failure.Result);
        Assert.Equal("WorkflowParsingException", failure.Json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", failure.Json["error"]!["process_stage"]!.GetValue<string>());
        TestJobs.AssertPassedThrough(answers.Single(a => a.JobId == next.ToString()), 8);
        Assert.All(answers, a => Assert.Equal(Key, a.Key));
        Assert.False(serve.HasExited, serve.Output);
    }

    [Fact]
    public async Task AnyValuesNested999And1000Deep_OneFailureAnswerEach_NextJobOnThePartitionAnswered()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var (deep999, deep1000, next) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await producer.SendAsync(Key, TestJobs.DeepAny(999, deep999));
        await producer.SendAsync(Key, TestJobs.DeepAny(1000, deep1000));
        await producer.SendAsync(Key, TestJobs.ById(2, next));

        var answers = await AnswersAsync(results, 3);
        foreach (var job in new[] { deep999, deep1000 })
        {
            var failure = answers.Single(a => a.JobId == job.ToString());
            Assert.Equal("failure", failure.Result);
            Assert.Equal("PARSING_LOADED_DATA", failure.Json["error"]!["process_stage"]!.GetValue<string>());
            Assert.Contains("nested deeper than 900 levels", failure.Json["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        TestJobs.AssertPassedThrough(answers.Single(a => a.JobId == next.ToString()), 2);
        Assert.False(serve.HasExited, serve.Output);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    /// <summary>Exactly <paramref name="count"/> answers: all arrived, and no second answer followed.</summary>
    private static async Task<IReadOnlyList<Received>> AnswersAsync(TopicReader results, int count)
    {
        await results.WaitCountAsync(count, TimeSpan.FromSeconds(60));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(count, answers.Count);
        return answers;
    }
}
