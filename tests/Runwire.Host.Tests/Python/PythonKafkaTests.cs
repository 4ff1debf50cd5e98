using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Python;

/// <summary>
/// <c>runwire serve</c> consuming jobs over the Kafka protocol (librdkafka's mock cluster) for a user's Python
/// components imported over HTTP: each job gets exactly one result record keyed like the job, whatever its code does.
/// </summary>
public sealed class PythonKafkaTests(PythonKafkaTests.Host host) : IClassFixture<PythonKafkaTests.Host>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ImportedPythonComponent_JobsOverKafka_OneOkResultEachKeyedLikeItsJob()
    {
        var keys = new[] { $"scale-{Guid.NewGuid()}", $"scale-{Guid.NewGuid()}" };
        await host.Producer.SendAsync(keys[0], UserPythonComponents.ScaleJob(2));
        await host.Producer.SendAsync(keys[1], UserPythonComponents.ScaleJob(10));

        var answers = await host.AnswersAsync(keys);

        UserPythonComponents.AssertScaled(Assert.Single(answers, a => a.Key == keys[0]).Json, 2);
        UserPythonComponents.AssertScaled(Assert.Single(answers, a => a.Key == keys[1]).Json, 10);
    }

    [Theory]
    [MemberData(nameof(UserPythonComponents.HostileKinds), MemberType = typeof(UserPythonComponents))]
    public async Task HostileCode_JobOverKafka_ExactlyOneFailureRecordThenWorkersBackAndTheNextJobRuns(string kind)
    {
        var hostile = UserPythonComponents.HostileCode[kind];
        var key = $"hostile-{Guid.NewGuid()}";
        var job = Guid.NewGuid();

        await host.Producer.SendAsync(key, hostile.Job(job));

        var answer = Assert.Single(await host.AnswersAsync([key]));
        Assert.Equal(job.ToString(), answer.JobId);
        hostile.AssertFailed(answer.Json);
        await host.AssertNothingLeakedAsync();
        var next = $"next-{Guid.NewGuid()}";
        await host.Producer.SendAsync(next, UserPythonComponents.ScaleJob(4));
        UserPythonComponents.AssertScaled(Assert.Single(await host.AnswersAsync([next])).Json, 4);
    }

    /// <summary>A broker, one host consuming from it, a producer and a reader of the results topic, for the class.</summary>
    public sealed class Host : PythonHost
    {
        private TestBroker? _broker;
        private TopicReader? _results;
        private JobProducer? _producer;

        internal JobProducer Producer => _producer!;

        protected override string? Bootstrap => _broker!.Bootstrap;

        public override async ValueTask InitializeAsync()
        {
            _broker = new TestBroker();
            await base.InitializeAsync();
            await Serve.WaitAssignedAsync(TestBroker.Partitions);
            _results = new TopicReader(_broker.Bootstrap);
            _producer = new JobProducer(_broker.Bootstrap);
        }

        /// <summary>
        /// The result records of these keys, once each has one and nothing more has arrived for a while, so that a
        /// second answer to any of them would be seen.
        /// </summary>
        internal async Task<IReadOnlyList<Received>> AnswersAsync(IReadOnlyCollection<string> keys)
        {
            await _results!.WaitAsync(all => keys.All(k => all.Any(r => r.Key == k)), Wait);
            var all = await _results.SettleAsync(TimeSpan.FromSeconds(2));
            return [.. all.Where(r => keys.Contains(r.Key!))];
        }

        public override async ValueTask DisposeAsync()
        {
            _producer?.Dispose();
            _results?.Dispose();
            await base.DisposeAsync();
            _broker?.Dispose();
        }
    }
}
