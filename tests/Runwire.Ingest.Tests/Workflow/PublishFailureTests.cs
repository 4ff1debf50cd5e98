using System.Text;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>
/// The workflow fixture with the answer's retry timers at 1/100 of the production schedule (1 s doubling to 1 min
/// becomes 10 ms doubling to 600 ms), so six seconds of broker outage stand for ten minutes. The in-memory sidecar
/// fires durable timers at about one-second steps, so fewer attempts fit in than daprd would make; two attempts per
/// instance generation make the instances continue as new during the outage all the same.
/// </summary>
public sealed class FastRetryFixture : IAsyncLifetime
{
    public const int Scale = 100;

    public WorkflowFixture Workflow { get; } = new();

    public const int PerGeneration = 2;

    public ValueTask InitializeAsync() => Workflow.StartAsync(configure: b => b
        .UseSetting("Runwire:Dapr:PublishRetryDelay", (DaprSettings.Default.PublishRetryDelay / Scale).ToString())
        .UseSetting("Runwire:Dapr:PublishRetryMaxDelay", (DaprSettings.Default.PublishRetryMaxDelay / Scale).ToString())
        .UseSetting("Runwire:Dapr:PublishAttemptsPerGeneration", PerGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public ValueTask DisposeAsync() => Workflow.DisposeAsync();
}

/// <summary>
/// A broker outage delays answers and loses none; a refusal no retry can fix answers with a ResultPublishError.
/// Own fixture: these tests make publishing fail.
/// </summary>
public sealed class PublishFailureTests(FastRetryFixture retry) : IClassFixture<FastRetryFixture>
{
    private readonly WorkflowFixture fx = retry.Workflow;

    [Fact]
    public async Task BrokerDownForTenMinutes_EveryJobGetsExactlyOneAnswerOnceItIsBack()
    {
        var outage = TimeSpan.FromMinutes(10) / FastRetryFixture.Scale;
        var back = DateTimeOffset.UtcNow + outage;
        // Down for the outage, and on a slow machine longer: until every job has failed more often than one instance
        // generation holds, so each answer has to survive a continue-as-new.
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        fx.Dapr.PublishFault = data =>
        {
            var jobId = JsonNode.Parse(data.Span)!["job_id"]!.GetValue<string>();
            if (DateTimeOffset.UtcNow >= back && failures.GetValueOrDefault(jobId) > FastRetryFixture.PerGeneration)
            {
                return null;
            }
            failures.AddOrUpdate(jobId, 1, (_, n) => n + 1);
            return FakeDapr.BrokerDown();
        };
        var jobs = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString("D")).ToList();
        try
        {
            foreach (var jobId in jobs)
            {
                var job = new JsonObject { ["id"] = KafkaJobTests.PassThroughInteger, ["job_id"] = jobId, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", "7")) };
                Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "outage-" + jobId)));
            }

            foreach (var jobId in jobs)
            {
                var (result, call) = await fx.PublishedResultAsync(jobId);
                Jobs.AssertResult("ok", result);
                Assert.Equal(7, result["output_results_by_output_name"]!["output"]!.GetValue<long>());
                Assert.Equal("outage-" + jobId, call.Metadata["partitionKey"]);
            }
        }
        finally
        {
            fx.Dapr.PublishFault = null;
        }
        Assert.True(DateTimeOffset.UtcNow >= back, "every answer waited for the broker");
        // Each job's answer came through more failed attempts than one instance generation holds (it continued as new
        // on the way), and went out once.
        foreach (var jobId in jobs)
        {
            var attempts = fx.Dapr.Calls.Count(c => c.Operation == "publish" && c.Target == "outage-" + jobId);
            Assert.Equal(failures[jobId] + 1, attempts);
        }
    }

    [Fact]
    public async Task BrokerDownForTenMinutes_AnUndecodableRecordIsDeadLetteredAtOnce_AndItsFailureResultArrivesOnceTheBrokerIsBack()
    {
        var outage = TimeSpan.FromMinutes(10) / FastRetryFixture.Scale;
        var back = DateTimeOffset.UtcNow + outage;
        var recordId = Runwire.Core.Contracts.RecordJobId.From("designer_initialize_job", 1, 777_001).ToString("D");
        fx.Dapr.PublishFault = _ => DateTimeOffset.UtcNow < back ? FakeDapr.BrokerDown() : null;
        try
        {
            Assert.Equal("DROP", await fx.DeliverAsync(Deliveries.Record("no job"u8.ToArray(), "outage-undecodable", partition: 1, offset: 777_001)));

            var (result, call) = await fx.PublishedResultAsync(recordId);
            Jobs.AssertResult("failure", result);
            Assert.Equal("JobDecodeError", result["error"]!["type"]!.GetValue<string>());
            Assert.Equal("outage-undecodable", call.Metadata["partitionKey"]);
        }
        finally
        {
            fx.Dapr.PublishFault = null;
        }
        Assert.True(DateTimeOffset.UtcNow >= back, "the answer waited for the broker");
        Assert.True(fx.Dapr.Calls.Count(c => c.Operation == "publish" && c.Target == "outage-undecodable") > 1);
    }

    [Fact]
    public async Task ResultRefusedAsTooLarge_PublishesOneResultPublishErrorInstead()
    {
        var jobId = Guid.NewGuid().ToString("D");
        fx.Dapr.PublishFault = data => JsonNode.Parse(data.Span)!["job_id"]!.GetValue<string>() == jobId
            && JsonNode.Parse(data.Span)!["error"] is null ? FakeDapr.TooLarge() : null;
        try
        {
            var job = new JsonObject { ["id"] = KafkaJobTests.PassThroughInteger, ["job_id"] = jobId, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", "1")) };
            Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "refused-result")));

            var (result, call) = await fx.PublishedResultAsync(jobId);

            Jobs.AssertResult("failure", result);
            Assert.Equal("ResultPublishError", result["error"]!["type"]!.GetValue<string>());
            Assert.Contains("Message was too large", result["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("ENCODING_RESULTS_TO_JSON", result["error"]!["process_stage"]!.GetValue<string>());
            Assert.Equal("refused-result", call.Metadata["partitionKey"]);
        }
        finally
        {
            fx.Dapr.PublishFault = null;
        }
    }

    [Fact]
    public async Task AnswerRetryWindowOver_WorkflowFailsNamingTheLastFault()
    {
        // A retry window of about a second (0.0003 h) on a fixture of its own, so the test can wait it out.
        await using var w = new WorkflowFixture();
        await w.StartAsync(configure: b => b
            .UseSetting("Runwire:Dapr:PublishRetryHours", "0.0003")
            .UseSetting("Runwire:Dapr:PublishRetryDelay", "00:00:00.050")
            .UseSetting("Runwire:Dapr:PublishRetryMaxDelay", "00:00:00.200"));
        w.Dapr.PublishFault = _ => FakeDapr.BrokerDown();
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject { ["id"] = KafkaJobTests.PassThroughInteger, ["job_id"] = jobId, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", "1")) };
        Assert.Equal("SUCCESS", await w.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "never")));

        var state = await w.WaitAsync(jobId);

        Assert.Equal(WorkflowRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("run out of available brokers", state.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(w.Dapr.Publishes);
    }
}
