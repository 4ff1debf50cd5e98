using Runwire.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

public sealed class ComponentTests
{
    [Fact]
    public void LocalComponents_AreThePubSubAndTheActorStateStore_NamedAsInDaprNames()
    {
        var components = Repo.Resources("Component", "components");

        Assert.Equal([DaprNames.PubSub, DaprNames.StateStore], components.Select(c => c.Str("metadata", "name")).Order(StringComparer.Ordinal));
        Assert.Equal("pubsub.kafka", Named(components, DaprNames.PubSub).Str("spec", "type"));
        Assert.Equal("true", Metadata(Named(components, DaprNames.StateStore), "actorStateStore"));
    }

    [Fact]
    public void KafkaPubSub_ReadsBacklogAndKeepsOnlyTraceparentOnResultRecords()
    {
        var kafka = Repo.Document("components", "jobs-pubsub.yaml");

        Assert.Equal("none", Metadata(kafka, "authType"));
        Assert.Equal("oldest", Metadata(kafka, "initialOffset"));
        var exclude = new System.Text.RegularExpressions.Regex(Metadata(kafka, "excludeHeaderMetaRegex")!);
        // The metadata ingest hands DaprClient on publish, plus what the gRPC path adds (dapr-notes §1.4).
        Assert.All(["rawPayload", "partitionKey", "__key", "traceid", "tracestate"], key => Assert.Matches(exclude, key));
        Assert.DoesNotMatch(exclude, "traceparent");
    }

    [Fact]
    public void SwapVariants_KeepTheComponentNames_SoASwapIsOneFile()
    {
        var variants = Repo.Resources("Component", "components", "swap");

        var pubsubs = variants.Where(v => v.Str("spec", "type")!.StartsWith("pubsub.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["pubsub.mqtt3", "pubsub.rabbitmq", "pubsub.redis"], pubsubs.Select(p => p.Str("spec", "type")).Order(StringComparer.Ordinal));
        Assert.All(pubsubs, p => Assert.Equal(DaprNames.PubSub, p.Str("metadata", "name")));
        var states = variants.Where(v => v.Str("spec", "type")!.StartsWith("state.", StringComparison.Ordinal)).ToList();
        Assert.Equal("state.postgresql", Assert.Single(states).Str("spec", "type"));
        Assert.All(states, s => Assert.Equal(DaprNames.StateStore, s.Str("metadata", "name")));
        Assert.All(states, s => Assert.Equal("true", Metadata(s, "actorStateStore")));
        Assert.All(variants, v => Assert.Equal([DaprNames.Ingest], v.Scopes()));
    }

    [Fact]
    public void ClusterComponents_MatchLocalOnes_InNameTypeAndScopes()
    {
        static IEnumerable<string> Shape(IEnumerable<YamlMappingNode> components) => components
            .Select(c => $"{c.Str("metadata", "name")}|{c.Str("spec", "type")}|{string.Join(",", c.Scopes())}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(Shape(Repo.Resources("Component", "components")), Shape(Repo.Resources("Component", "k8s", "base", "dapr")));
    }

    [Fact]
    public void DeclarativeSubscription_NamesTheJobTopicAndDeadLetterTopic()
    {
        var subscription = Repo.Document("dapr", "subscriptions", "jobs.yaml");

        Assert.Equal("dapr.io/v2alpha1", subscription.Str("apiVersion"));
        Assert.Equal(DaprNames.PubSub, subscription.Str("spec", "pubsubname"));
        Assert.Equal(DaprNames.JobsTopic, subscription.Str("spec", "topic"));
        Assert.Equal(DaprNames.DeadLetterTopic, subscription.Str("spec", "deadLetterTopic"));
        Assert.Equal("true", subscription.Str("spec", "metadata", "rawPayload"));
        Assert.Equal([DaprNames.Ingest], subscription.Scopes());
    }

    [Fact]
    public void Resiliency_TargetsOnlyRealAppsAndComponents()
    {
        foreach (var resiliency in new[] { Repo.Document("components", "resiliency.yaml"), Repo.Document("k8s", "base", "dapr", "resiliency.yaml") })
        {
            var apps = ((YamlMappingNode)resiliency.Node("spec", "targets", "apps")!).Children.Keys.Select(k => k.ToString());
            Assert.Equal([DaprNames.Adapters, DaprNames.Executor], apps.Order(StringComparer.Ordinal));
            var components = ((YamlMappingNode)resiliency.Node("spec", "targets", "components")!).Children.Keys.Select(k => k.ToString());
            Assert.Equal([DaprNames.PubSub], components);
        }
    }

    [Fact]
    public void ResultPublish_HasOneRetryLayer_TheWorkflows()
    {
        // ExecutionWorkflow retries a failing publish on durable timers; a sidecar retry under it would multiply attempts.
        foreach (var resiliency in new[] { Repo.Document("components", "resiliency.yaml"), Repo.Document("k8s", "base", "dapr", "resiliency.yaml") })
        {
            Assert.Null(resiliency.Node("spec", "targets", "components", DaprNames.PubSub, "outbound"));
            Assert.NotNull(resiliency.Node("spec", "targets", "components", DaprNames.PubSub, "inbound"));
        }
    }

    [Fact]
    public void SidecarConfigurations_PurgeFinishedWorkflowsAfterADay_InsideTheSevenDayDuplicateWindow()
    {
        foreach (var config in new[] { Repo.Document("dapr", "config.yaml"), Repo.Document("k8s", "base", "dapr", "tracing.yaml") })
        {
            var retention = config.Str("spec", "workflow", "stateRetentionPolicy", "anyTerminal");
            Assert.Equal("24h", retention);
        }
    }

    private static YamlMappingNode Named(List<YamlMappingNode> components, string name) => components.Single(c => c.Str("metadata", "name") == name);

    private static string? Metadata(YamlNode component, string name) =>
        component.Items("spec", "metadata").Where(m => m.Str("name") == name).Select(m => m.Str("value")).SingleOrDefault();
}
