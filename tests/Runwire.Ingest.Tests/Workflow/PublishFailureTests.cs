using System.Text;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>A result the pub/sub keeps refusing still leaves the job with one answer (own fixture: it makes publishing fail).</summary>
public sealed class PublishFailureTests(WorkflowFixture fx) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task ResultRefusedOnEveryAttempt_PublishesResultPublishErrorInstead()
    {
        var jobId = Guid.NewGuid().ToString("D");
        fx.Dapr.FailNextPublishes(ExecutionRetryAttempts);
        var job = $$"""{"id": "{{Guid.NewGuid()}}", "job_id": "{{jobId}}"}""";
        using var delivered = await fx.Ingest.CreateClient().SendAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job), "refused-result"),
            TestContext.Current.CancellationToken);

        var state = await fx.WaitAsync(jobId);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        var published = Assert.Single(fx.Dapr.Publishes);
        var result = JsonNode.Parse(published.Data)!;
        Assert.Equal("failure", result["result"]!.GetValue<string>());
        Assert.Equal("ResultPublishError", result["error"]!["type"]!.GetValue<string>());
        Assert.Equal("ENCODING_RESULTS_TO_JSON", result["error"]!["process_stage"]!.GetValue<string>());
        Assert.Equal(jobId, result["job_id"]!.GetValue<string>());
        Assert.Equal("refused-result", published.Metadata["partitionKey"]);
    }

    private static int ExecutionRetryAttempts => Runwire.Ingest.Execution.ExecutionWorkflow.Retry.RetryPolicy!.MaxNumberOfAttempts;
}
