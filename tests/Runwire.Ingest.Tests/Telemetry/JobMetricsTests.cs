using System.Text;
using System.Text.Json.Nodes;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>
/// The job counters ingest reports with transport <c>dapr</c>, as a dashboard adds them up. The collection runs alone,
/// so every measurement a test's recorder sees comes from that test's jobs.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class JobMetricsTests(WorkflowFixture fx) : IClassFixture<WorkflowFixture>
{
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";

    [Fact]
    public async Task KafkaJob_WithRetriedRunAndPublish_IsReceivedAndSucceedsOnce_AndEveryRunIsAStep()
    {
        using var metrics = new MetricsRecorder();
        fx.Executor.FailNextRuns(1);
        fx.Dapr.FailNextPublishes(1);
        var jobId = Guid.NewGuid().ToString("D");

        await fx.DeliverAsync(Deliveries.Record(IntegerJob(jobId), "counted-1"));
        var (result, _) = await fx.PublishedResultAsync(jobId);

        Jobs.AssertResult("ok", result);
        Assert.Equal(1, metrics.Sum("runwire.jobs.received"));
        Assert.Equal(1, metrics.Sum("runwire.jobs.succeeded"));
        Assert.Equal(0, metrics.Sum("runwire.jobs.failed"));
        var duration = Assert.Single(metrics.Of("runwire.job.duration"));
        Assert.Equal("ok", duration.Tags["runwire.outcome"]);
        Assert.InRange(duration.Value, 0.001, 60);
        Assert.Single(metrics.Of("runwire.step.duration", ("runwire.step", "workflow PrepareJobActivity")));
        Assert.Equal(2, metrics.Of("runwire.step.duration", ("runwire.step", "workflow RunGraphActivity")).Count);
        Assert.Equal(2, metrics.Of("runwire.step.duration", ("runwire.step", "workflow PublishResultActivity")).Count);
        // hetida's measured steps of the result are recorded as well.
        Assert.NotEmpty(metrics.Of("runwire.step.duration", ("runwire.step", "internal_full")));
    }

    [Fact]
    public async Task SameRecordDeliveredAgain_CountsADuplicateAndNoSecondAnswer()
    {
        var jobId = Guid.NewGuid().ToString("D");
        await fx.DeliverAsync(Deliveries.Record(IntegerJob(jobId), "twice-counted", offset: 77));
        await fx.PublishedResultAsync(jobId);
        using var metrics = new MetricsRecorder();

        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(IntegerJob(jobId), "twice-counted", offset: 77)));
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(1, metrics.Sum("runwire.jobs.received"));
        Assert.Equal(1, metrics.Sum("runwire.jobs.duplicates"));
        Assert.Equal(0, metrics.Sum("runwire.jobs.succeeded") + metrics.Sum("runwire.jobs.failed"));
    }

    [Fact]
    public async Task FailingComponent_CountsAFailureByStageAndErrorType()
    {
        using var metrics = new MetricsRecorder();
        var jobId = Guid.NewGuid().ToString("D");

        await fx.DeliverAsync(Deliveries.Record(Traces.FailingJob(jobId), "fails-counted"));
        await fx.PublishedResultAsync(jobId);

        Assert.Equal(1, metrics.Sum("runwire.jobs.failed", ("runwire.process_stage", "EXECUTING_COMPONENT_CODE"), ("error.type", "TypeError")));
        Assert.Equal(1, metrics.Sum("runwire.jobs.failed"));
        Assert.Equal(0, metrics.Sum("runwire.jobs.succeeded"));
        Assert.Equal("failure", Assert.Single(metrics.Of("runwire.job.duration")).Tags["runwire.outcome"]);
    }

    [Fact]
    public async Task UndecodableRecords_AreDeadLettered_AndBothAreAnsweredWithADecodeFailure()
    {
        using var metrics = new MetricsRecorder();

        Assert.Equal("DROP", await fx.DeliverAsync(Deliveries.Record("not json"u8.ToArray(), "bad-counted", offset: 901)));
        Assert.Equal("DROP", await fx.DeliverAsync(Deliveries.Record([0xff, 0xfe], null, offset: 902)));
        // Their failure results go out through a workflow's answer step, under the id of where each record lies.
        await fx.WaitAsync(Runwire.Core.Contracts.RecordJobId.From("designer_initialize_job", 0, 901).ToString("D"));
        await fx.WaitAsync(Runwire.Core.Contracts.RecordJobId.From("designer_initialize_job", 0, 902).ToString("D"));

        Assert.Equal(2, metrics.Sum("runwire.jobs.received"));
        Assert.Equal(2, metrics.Sum("runwire.jobs.dead_lettered"));
        // The one without a key too, unkeyed, as the standalone host answers it.
        Assert.Equal(2, metrics.Sum("runwire.jobs.failed", ("runwire.process_stage", "PARSING_WORKFLOW"), ("error.type", "JobDecodeError")));
        Assert.Equal(0, metrics.Sum("runwire.jobs.duplicates"));
    }

    [Fact]
    public async Task HttpSubmission_IsReceivedAndItsAnswerCounted()
    {
        using var metrics = new MetricsRecorder();
        var jobId = Guid.NewGuid().ToString("D");

        using var response = await fx.Ingest.CreateClient().PostAsync(new Uri("/jobs", UriKind.Relative), new ByteArrayContent(IntegerJob(jobId)),
            TestContext.Current.CancellationToken);
        await fx.WaitAsync(jobId);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, metrics.Sum("runwire.jobs.received"));
        Assert.Equal(1, metrics.Sum("runwire.jobs.succeeded"));
        Assert.DoesNotContain(fx.Dapr.Publishes, p => JsonNode.Parse(p.Data)!["job_id"]!.GetValue<string>() == jobId);
    }

    [Fact]
    public async Task RefusedHttpSubmission_IsReceivedAndAnsweredAsADecodeFailure()
    {
        using var metrics = new MetricsRecorder();

        using var response = await fx.Ingest.CreateClient().PostAsync(new Uri("/jobs", UriKind.Relative), new ByteArrayContent("[]"u8.ToArray()),
            TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(1, metrics.Sum("runwire.jobs.received"));
        Assert.Equal(1, metrics.Sum("runwire.jobs.failed", ("runwire.process_stage", "PARSING_WORKFLOW"), ("error.type", "JobDecodeError")));
        Assert.Equal(0, metrics.Sum("runwire.jobs.succeeded"));
    }

    private static byte[] IntegerJob(string jobId) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["id"] = PassThroughInteger, ["job_id"] = jobId, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", "42")),
    }.ToJsonString());
}
