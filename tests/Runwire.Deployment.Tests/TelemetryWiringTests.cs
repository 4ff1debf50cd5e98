using Microsoft.Extensions.Configuration;
using Runwire.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>Where every run's app spans go: the same Zipkin as its sidecars.</summary>
public sealed class TelemetryWiringTests
{
    /// <summary>What <see cref="TelemetryOptions"/> makes of environment variables, as the host's configuration reads them.</summary>
    private static TelemetryOptions Options(IEnumerable<(string Name, string? Value)> environment) =>
        TelemetryOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Name.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build());

    private static IEnumerable<(string, string?)> Map(YamlNode? env) =>
        env is YamlMappingNode map ? map.Children.Select(c => (c.Key.ToString(), (string?)c.Value.ToString())) : [];

    [Fact]
    public void DaprRunFile_SendsEveryAppsSpansToTheSidecarsZipkin()
    {
        var run = Repo.Document("dapr", "dapr.yaml");
        var zipkin = new Uri(Repo.Document("dapr", run.Str("common", "configFilePath")!).Str("spec", "tracing", "zipkin", "endpointAddress")!);

        foreach (var app in run.Items("apps"))
        {
            // The CLI merges common.env into each app's env; the app's own entries win (dapr cli runfileconfig).
            var env = Map(run.Node("common", "env")).ToDictionary(e => e.Item1, e => e.Item2);
            foreach (var (name, value) in Map(app.Node("env")))
            {
                env[name] = value;
            }
            var options = Options(env.Select(e => (e.Key, e.Value)));
            Assert.Equal(["zipkin"], options.TraceExporters);
            Assert.Equal(zipkin, options.ZipkinEndpoint);
            Assert.Equal(1.0, options.SamplingRatio);
        }
    }

    [Fact]
    public void Tye_SendsEveryAppsSpansToTheSidecarsZipkin()
    {
        var tye = Repo.Document("tye.yaml");
        var dapr = tye.Items("extensions").Single(e => e.Str("name") == "dapr");
        var config = Repo.Document(dapr.Str("components-path")!, dapr.Str("config")! + ".yaml");
        var zipkin = new Uri(config.Str("spec", "tracing", "zipkin", "endpointAddress")!);

        foreach (var service in tye.Items("services"))
        {
            var options = Options(service.Items("env").Select(e => (e.Str("name")!, e.Str("value"))));
            Assert.Equal(["zipkin"], options.TraceExporters);
            Assert.Equal(zipkin, options.ZipkinEndpoint);
        }
    }
}
