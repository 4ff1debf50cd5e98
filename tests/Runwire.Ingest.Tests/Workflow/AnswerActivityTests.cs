using Dapr.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Execution.Activities;
using Runwire.Ingest.Board;
using Runwire.Ingest.Payloads;
using Runwire.Ingest.Tests.Support;
using Runwire.ServiceDefaults;
using Runwire.WebConsole.Jobs;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>The answer activity as daprd may run it: twice for one scheduling, when a worker is lost before it reports back.</summary>
public sealed class AnswerActivityTests
{
    private readonly FakeDapr _dapr = new();

    [Fact]
    public async Task DispatchedTwice_PublishesAndRecordsOnce()
    {
        var activity = Activity();
        var input = Input("answer-twice");

        Assert.Null((await activity.RunAsync(Context(), input)).Refused);
        Assert.Null((await activity.RunAsync(Context(), input)).Refused);

        var published = Assert.Single(_dapr.Publishes);
        Assert.Equal("k-answer-twice", published.Metadata["partitionKey"]);
        var key = ("workflow-state", AnsweredJobs.Key(input.Trace.JobId));
        Assert.True(_dapr.State.ContainsKey(key));
        Assert.Equal(new Dictionary<string, string> { ["ttlInSeconds"] = "604800" }, _dapr.StateMetadata[key]);
    }

    [Fact]
    public async Task BrokerAway_Throws_SoTheWorkflowRetries_AndRecordsNothing()
    {
        _dapr.PublishFault = _ => FakeDapr.BrokerDown();
        var input = Input("away");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Activity().RunAsync(Context(), input));

        Assert.Contains("Internal: error when publishing to topic designer_job_result", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(_dapr.Publishes);
        Assert.False(_dapr.State.ContainsKey(("workflow-state", AnsweredJobs.Key(input.Trace.JobId))));
    }

    [Fact]
    public async Task RecordTooLarge_ComesBackRefused_WithTheBrokersReason()
    {
        _dapr.PublishFault = _ => FakeDapr.TooLarge();

        var receipt = await Activity().RunAsync(Context(), Input("too-large"));

        Assert.Contains("Message was too large", receipt.Refused, StringComparison.Ordinal);
        Assert.Empty(_dapr.Publishes);
    }

    private PublishResultActivity Activity()
    {
        var payloads = new ClaimChecks(new DaprPayloadStore(_dapr.Client.Object, DaprSettings.Default));
        return new PublishResultActivity(new ResultPublisher(_dapr.Client.Object, JobTopics.Default), payloads, new AnsweredJobs(_dapr.Client.Object, DaprSettings.Default),
            new JobBoard(new JobStore(new JobRetention(10, 1 << 20, TimeSpan.FromMinutes(1)))), NullLogger<PublishResultActivity>.Instance);
    }

    private static PublishResultInput Input(string name)
    {
        var jobId = Guid.NewGuid().ToString("D");
        var result = $$$"""{"job_id": "{{{jobId}}}", "result": "ok", "output_results_by_output_name": {}, "output_types_by_output_name": {}}""";
        return new PublishResultInput(new JobTrace(jobId, "k-" + name, null), new PayloadRef(result, null), true, DateTimeOffset.UtcNow);
    }

    private static WorkflowActivityContext Context() => new Mock<WorkflowActivityContext>().Object;
}
