using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Moq;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Intake;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Seams;

/// <summary>What daprd delivers (dapr-notes §1.3, §2.3) → what ingest schedules, publishes and answers.</summary>
public sealed class TopicDeliveryTests : IDisposable
{
    private const string RulId = "806df1b9-2fc8-4463-943f-3d258c569663";
    private readonly SeamHost _host = new();
    private readonly List<(string Name, string Id, JobStarted Input)> _scheduled = [];
    private readonly List<string?> _scheduledInTrace = [];

    public TopicDeliveryTests() =>
        _host.Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .Callback((string name, string id, object input, DateTimeOffset? _, CancellationToken _) =>
            {
                _scheduled.Add((name, id, (JobStarted)input));
                // Dapr.Workflow sends Activity.Current as the workflow's parent trace context (dapr-notes §6.1).
                _scheduledInTrace.Add(System.Diagnostics.Activity.Current?.TraceId.ToHexString());
            })
            .ReturnsAsync((string _, string id, object _, DateTimeOffset? _, CancellationToken _) => id);

    [Fact]
    public async Task SeedLegacyRecord_WithKeyAndTraceparent_SchedulesOneWorkflowAndAnswersSuccess()
    {
        var bytes = await File.ReadAllBytesAsync(Paths.Example("rul-legacy.json"), TestContext.Current.CancellationToken);
        var before = DateTimeOffset.UtcNow;

        var answer = await DeliverAsync(Deliveries.Record(bytes, "test_executionissuer_1", partition: 2, offset: 41));

        Assert.Equal("SUCCESS", answer["status"]!.GetValue<string>());
        var (name, id, input) = Assert.Single(_scheduled);
        Assert.Equal(nameof(ExecutionWorkflow), name);
        // The legacy payload has no job_id: the id comes from topic/partition/offset, so a redelivery finds the same instance.
        var expectedId = new KafkaDelivery(null, "designer_initialize_job", "2", "41", null).StableJobId()!.Value.ToString("D");
        Assert.Equal(expectedId, id);
        Assert.Equal(new JobStarted(expectedId, input.Job, true, "test_executionissuer_1", Deliveries.Traceparent, input.ReceivedAt, DaprSettings.Default.AnswerRetry), input);
        Assert.InRange(input.ReceivedAt, before, DateTimeOffset.UtcNow);
        var job = await JobOfAsync(input);
        Assert.Equal(Guid.Parse(RulId), job.TransformationId);
        Assert.Equal(JobFormat.Legacy, job.Format);
        Assert.Equal(Guid.Parse(expectedId), job.JobId);
        Assert.Empty(_host.Dapr.Publishes);
    }

    [Fact]
    public async Task RecordWithTraceparent_SchedulesTheWorkflowInsideTheJobsTrace()
    {
        await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes($$"""{"id": "{{RulId}}"}"""), "traced"));

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", Assert.Single(_scheduledInTrace));
    }

    [Fact]
    public async Task SameRecordTwice_WithoutJobId_MapsToTheSameInstanceId()
    {
        var bytes = await File.ReadAllBytesAsync(Paths.Example("rul-legacy.json"), TestContext.Current.CancellationToken);

        await DeliverAsync(Deliveries.Record(bytes, "k", partition: 0, offset: 5));
        await DeliverAsync(Deliveries.Record(bytes, "k", partition: 0, offset: 5));
        await DeliverAsync(Deliveries.Record(bytes, "k", partition: 0, offset: 6));

        Assert.Equal(3, _scheduled.Count);
        Assert.Equal(_scheduled[0].Id, _scheduled[1].Id);
        Assert.NotEqual(_scheduled[0].Id, _scheduled[2].Id);
    }

    [Fact]
    public async Task ExecByIdRecord_WithJobId_UsesTheJobIdAsInstanceId()
    {
        var jobId = "00000000-0000-0000-0000-000000000005";
        var bytes = Encoding.UTF8.GetBytes($$"""{"id": "{{RulId}}", "job_id": "{{jobId}}"}""");

        var answer = await DeliverAsync(Deliveries.Record(bytes, null, traceparent: null));

        Assert.Equal("SUCCESS", answer["status"]!.GetValue<string>());
        var (_, id, input) = Assert.Single(_scheduled);
        Assert.Equal(jobId, id);
        Assert.Null(input.KafkaKey);
        Assert.True(input.PublishResult);
    }

    [Fact]
    public async Task NotJson_WithKey_AnsweredByAWorkflowsAnswerStep_KeyedFailure_ThenDrops()
    {
        var answer = await DeliverAsync(Deliveries.Record("not json at all"u8.ToArray(), "bad-1", partition: 2, offset: 8));

        Assert.Equal("DROP", answer["status"]!.GetValue<string>());
        // Not published here: the answer step waits for the pub/sub on durable timers, as for every job.
        Assert.Empty(_host.Dapr.Publishes);
        var (name, id, input) = Assert.Single(_scheduled);
        var expectedId = new KafkaDelivery(null, "designer_initialize_job", "2", "8", null).StableJobId()!.Value.ToString("D");
        Assert.Equal((nameof(ExecutionWorkflow), expectedId, "bad-1", true, Deliveries.Traceparent), (name, id, input.KafkaKey, input.PublishResult, input.Traceparent));
        var result = RefusalOf(input);
        Assert.Equal("failure", result["result"]!.GetValue<string>());
        Assert.Equal(FailureResults.DecodeErrorType, result["error"]!["type"]!.GetValue<string>());
        Assert.Equal(expectedId, result["job_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotJson_WithoutKey_UnkeyedFailureWithStableJobId_ThenDrops()
    {
        var answer = await DeliverAsync(Deliveries.Record([0xff, 0xfe, 0x00], null, partition: 3, offset: 12));

        Assert.Equal("DROP", answer["status"]!.GetValue<string>());
        var (_, id, input) = Assert.Single(_scheduled);
        Assert.Null(input.KafkaKey);
        var expectedId = new KafkaDelivery(null, "designer_initialize_job", "3", "12", null).StableJobId()!.Value.ToString("D");
        Assert.Equal(expectedId, id);
        Assert.Equal(expectedId, RefusalOf(input)["job_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotJson_NamingAJobId_TheAnswerKeepsIt_TheInstanceIsTheRecords()
    {
        // The payload's job id is the sender's; the instance is where the record lies, so a later valid job with that id still runs.
        var jobId = "00000000-0000-0000-0000-000000000077";
        var answer = await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes($$"""{"id": 5, "job_id": "{{jobId}}"}"""), "hinted", partition: 0, offset: 3));

        Assert.Equal("DROP", answer["status"]!.GetValue<string>());
        var (_, id, input) = Assert.Single(_scheduled);
        Assert.Equal(new KafkaDelivery(null, "designer_initialize_job", "0", "3", null).StableJobId()!.Value.ToString("D"), id);
        Assert.Equal(jobId, RefusalOf(input)["job_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotJson_RedeliveredAfterItsAnswerWasScheduled_NotAnsweredTwice()
    {
        var record = "{"u8.ToArray();
        await DeliverAsync(Deliveries.Record(record, "bad-3", partition: 1, offset: 2));
        // A second ingest replica got the same record at once: daprd refuses a second instance under the record's id.
        _host.Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), _scheduled[0].Id, It.IsAny<object>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.AlreadyExists, "an active workflow with this ID already exists")));

        var again = await DeliverAsync(Deliveries.Record(record, "bad-3", partition: 1, offset: 2));

        Assert.Equal("DROP", again["status"]!.GetValue<string>());
        Assert.Single(_scheduled);
        Assert.Empty(_host.Dapr.Publishes);
    }

    [Fact]
    public async Task NotJson_SchedulingFails_AnswersRetry()
    {
        _host.Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "sidecar unavailable")));

        var answer = await DeliverAsync(Deliveries.Record("{"u8.ToArray(), "bad-2"));

        Assert.Equal("RETRY", answer["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task InstanceAlreadyExists_AnswersSuccess()
    {
        _host.Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.AlreadyExists, "an active workflow with ID 'x' already exists")));

        var answer = await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes($$"""{"id": "{{RulId}}"}"""), "k"));

        Assert.Equal("SUCCESS", answer["status"]!.GetValue<string>());
        Assert.Empty(_host.Dapr.Publishes);
    }

    [Fact]
    public async Task SidecarUnavailable_AnswersRetry()
    {
        _host.Workflows.Setup(w => w.ScheduleNewWorkflowAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        var answer = await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes($$"""{"id": "{{RulId}}"}"""), "k"));

        Assert.Equal("RETRY", answer["status"]!.GetValue<string>());
        Assert.Empty(_host.Dapr.Publishes);
    }

    private async Task<JsonNode> DeliverAsync(HttpRequestMessage request)
    {
        using var response = await _host.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<ExecutionJob> JobOfAsync(JobStarted input)
    {
        var bytes = input.Job.Key is null ? Encoding.UTF8.GetBytes(input.Job.Inline!) : _host.Dapr.State[("workflow-state", input.Job.Key)];
        await Task.CompletedTask;
        return JsonSerializer.Deserialize<ExecutionJob>(bytes, StepJson.Options)!;
    }

    /// <summary>The failure result a refused record's answer step will publish.</summary>
    private JsonNode RefusalOf(JobStarted input)
    {
        var pending = input.Answering ?? throw new InvalidOperationException("The workflow was not started to answer.");
        var reference = pending.Outcome.Result;
        return JsonNode.Parse(reference.Key is null ? Encoding.UTF8.GetBytes(reference.Inline!) : _host.Dapr.State[("workflow-state", reference.Key)])!;
    }

    public void Dispose() => _host.Dispose();
}
