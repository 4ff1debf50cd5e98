using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Seams;

public sealed class SubscriptionTests(SeamHost host) : IClassFixture<SeamHost>
{
    [Fact]
    public async Task DaprSubscribe_Document_SubscribesJobTopicRawWithDeadLetterTopic()
    {
        var body = await host.CreateClient().GetStringAsync(new Uri("/dapr/subscribe", UriKind.Relative), TestContext.Current.CancellationToken);

        var expected = JsonNode.Parse("""
            [{"topic":"designer_initialize_job","pubsubName":"jobs-pubsub","route":"events/jobs",
              "metadata":{"rawPayload":"true"},"deadLetterTopic":"designer_initialize_job_dead_letter"}]
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body)), body);
    }

    [Fact]
    public async Task TopicsConfigured_SubscriptionAndResultsUseThemLikeTheStandaloneHost()
    {
        await using var configured = new SeamHost
        {
            Settings = new Dictionary<string, string>
            {
                ["Kafka:JobsTopic"] = "plant_jobs", ["Kafka:ResultsTopic"] = "plant_results", ["Kafka:DeadLetterTopic"] = "plant_bad_jobs",
            },
        };
        var body = await configured.CreateClient().GetStringAsync(new Uri("/dapr/subscribe", UriKind.Relative), TestContext.Current.CancellationToken);
        var publisher = configured.Services.GetRequiredService<ResultPublisher>();
        await publisher.PublishAsync("{}"u8.ToArray(), ResultSummary.Read("{}"u8), "k", null, TestContext.Current.CancellationToken);

        var expected = JsonNode.Parse("""
            [{"topic":"plant_jobs","pubsubName":"jobs-pubsub","route":"events/jobs",
              "metadata":{"rawPayload":"true"},"deadLetterTopic":"plant_bad_jobs"}]
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body)), body);
        Assert.Equal("plant_results", Assert.Single(configured.Dapr.Publishes).Topic);
    }

    [Fact]
    public async Task Healthz_WithoutSidecar_Answers200()
    {
        var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
