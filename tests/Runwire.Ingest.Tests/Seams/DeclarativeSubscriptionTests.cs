using System.Text.Json.Nodes;
using Runwire.Ingest.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Runwire.Ingest.Tests.Seams;

public sealed class DeclarativeSubscriptionTests(SeamHost host) : IClassFixture<SeamHost>
{
    [Fact]
    public async Task DeclarativeSubscription_EqualsWhatIngestServesOnDaprSubscribe()
    {
        var served = JsonNode.Parse(await host.CreateClient().GetStringAsync(new Uri("/dapr/subscribe", UriKind.Relative), TestContext.Current.CancellationToken))!
            .AsArray().Single()!;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(Path.Combine(Paths.RepoRoot, "dapr", "subscriptions", "jobs.yaml"), TestContext.Current.CancellationToken)));
        var spec = (YamlMappingNode)((YamlMappingNode)yaml.Documents.Single().RootNode)["spec"];

        Assert.Equal(served["pubsubName"]!.GetValue<string>(), spec["pubsubname"].ToString());
        Assert.Equal(served["topic"]!.GetValue<string>(), spec["topic"].ToString());
        Assert.Equal("/" + served["route"]!.GetValue<string>(), ((YamlMappingNode)spec["routes"])["default"].ToString());
        Assert.Equal(served["deadLetterTopic"]!.GetValue<string>(), spec["deadLetterTopic"].ToString());
        Assert.Equal(served["metadata"]!["rawPayload"]!.GetValue<string>(), ((YamlMappingNode)spec["metadata"])["rawPayload"].ToString());
    }

    [Fact]
    public async Task ConsumptionSubscription_RoutesRawRecordsToTheConsumeEndpoint_DeadLettersBesideTheTopic_ForIngestOnly()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(Path.Combine(Paths.RepoRoot, "dapr", "subscriptions", "consumption.yaml"), TestContext.Current.CancellationToken)));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var spec = (YamlMappingNode)root["spec"];

        Assert.Equal(("dapr.io/v2alpha1", "Subscription"), (root["apiVersion"].ToString(), root["kind"].ToString()));
        Assert.Equal(Runwire.ServiceDefaults.DaprNames.PubSub, spec["pubsubname"].ToString());
        Assert.Equal(Intake.ConsumeEndpoints.Route, ((YamlMappingNode)spec["routes"])["default"].ToString());
        Assert.Equal("true", ((YamlMappingNode)spec["metadata"])["rawPayload"].ToString());
        Assert.Equal(spec["topic"] + "_dead_letter", spec["deadLetterTopic"].ToString());
        Assert.Equal([Runwire.ServiceDefaults.DaprNames.Ingest], ((YamlSequenceNode)root["scopes"]).Children.Select(c => c.ToString()));
    }
}
