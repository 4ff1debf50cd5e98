using Runwire.Ingest.Execution;
using Runwire.Ingest.Payloads;
using Runwire.Ingest.Tests.Support;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Tests.Seams;

/// <summary>Exactly what ingest asks daprd to do when it publishes a result and parks a large value.</summary>
public sealed class PublishAndStateTests
{
    [Fact]
    public async Task Publish_WithKeyAndTrace_HandsDaprRawPayloadPartitionKeyAndTraceparent()
    {
        var dapr = new FakeDapr();
        var result = """{"result": "ok"}"""u8.ToArray();

        await new ResultPublisher(dapr.Client.Object, JobTopics.Default).PublishAsync(result, ResultSummary.Read(result), "test_executionissuer_1", Deliveries.Traceparent, TestContext.Current.CancellationToken);

        var call = Assert.Single(dapr.Publishes);
        Assert.Equal("jobs-pubsub", call.PubSub);
        Assert.Equal("designer_job_result", call.Topic);
        Assert.Equal("application/json", call.ContentType);
        Assert.Equal(result, call.Data);
        Assert.Equal(new Dictionary<string, string>
        {
            ["rawPayload"] = "true",
            ["partitionKey"] = "test_executionissuer_1",
            ["traceparent"] = Deliveries.Traceparent,
        }, call.Metadata);
    }

    [Fact]
    public async Task Publish_WithoutKeyOrTrace_HandsDaprOnlyRawPayload()
    {
        var dapr = new FakeDapr();

        await new ResultPublisher(dapr.Client.Object, JobTopics.Default).PublishAsync("{}"u8.ToArray(), ResultSummary.Read("{}"u8), null, null, TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, string> { ["rawPayload"] = "true" }, Assert.Single(dapr.Publishes).Metadata);
    }

    [Fact]
    public async Task ClaimChecks_SmallValue_StaysInlineAndTouchesNoStore()
    {
        var dapr = new FakeDapr();
        var checks = new ClaimChecks(new DaprPayloadStore(dapr.Client.Object, DaprSettings.Default));

        var reference = await checks.PutAsync("j", "result", "{\"a\": 1}"u8.ToArray(), TestContext.Current.CancellationToken);

        Assert.Equal(new PayloadRef("{\"a\": 1}", null), reference);
        Assert.Empty(dapr.State);
    }

    [Fact]
    public async Task ClaimChecks_LargeValue_GoesToWorkflowStateStoreWithTtl()
    {
        var dapr = new FakeDapr();
        var checks = new ClaimChecks(new DaprPayloadStore(dapr.Client.Object, DaprSettings.Default));
        var value = new byte[ClaimChecks.InlineLimitBytes + 1];

        var reference = await checks.PutAsync("j-1", "loaded", value, TestContext.Current.CancellationToken);

        Assert.Null(reference.Inline);
        Assert.Equal("runwire:j-1:loaded", reference.Key);
        Assert.Equal(value, dapr.State[("workflow-state", reference.Key!)]);
        Assert.Equal(new Dictionary<string, string> { ["ttlInSeconds"] = "604800" }, dapr.StateMetadata[("workflow-state", reference.Key!)]);
        Assert.Equal(value, (await checks.GetAsync(reference, TestContext.Current.CancellationToken)).ToArray());
    }

    [Fact]
    public async Task ClaimChecks_ExpiredKey_Throws()
    {
        var checks = new ClaimChecks(new DaprPayloadStore(new FakeDapr().Client.Object, DaprSettings.Default));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => checks.GetAsync(new PayloadRef(null, "runwire:gone:job"), TestContext.Current.CancellationToken));
    }
}
