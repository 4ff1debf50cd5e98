using Microsoft.Extensions.Configuration;
using Runwire.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>Where every run's app spans and metrics go: the same Zipkin as its sidecars, and a scrapeable /metrics.</summary>
public sealed class TelemetryWiringTests
{
    private static readonly string MetricsPath = Options([]).PrometheusPath;

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

    [Fact]
    public void Kubernetes_DeploymentsCarryScrapeAnnotationsForThePortTheirContainerListensOn()
    {
        foreach (var id in AppTopologyTests.Expected.Keys)
        {
            var deployment = Repo.Documents(Repo.Path("k8s", "base", $"{id}.yaml")).Single(d => d.Str("kind") == "Deployment");
            var annotations = deployment.Node("spec", "template", "metadata", "annotations")!;
            var container = deployment.Items("spec", "template", "spec", "containers").Single();
            var port = container.Items("ports").Single().Str("containerPort");

            Assert.Equal("true", annotations.Str("prometheus.io/scrape"));
            Assert.Equal(port, annotations.Str("prometheus.io/port"));
            Assert.Equal(MetricsPath, annotations.Str("prometheus.io/path"));
            Assert.Equal($"http://+:{port}", container.Items("env").Single(e => e.Str("name") == "ASPNETCORE_URLS").Str("value"));
        }
    }

    [Fact]
    public void DevOverlay_SendsTheAppsSpansToTheClusterZipkinOfTheTracingConfiguration()
    {
        var overlay = Repo.Document("k8s", "overlays", "dev", "kustomization.yaml");
        var tracing = Repo.Document("k8s", "base", "dapr", "tracing.yaml");

        var patch = overlay.Items("patches").Single(p => p.Str("target", "kind") == "Deployment" && p.Str("target", "name") is null);
        var stream = new YamlStream();
        stream.Load(new StringReader(patch.Str("patch")!));
        var env = ((YamlSequenceNode)stream.Documents.Single().RootNode).Children
            .Where(op => op.Str("op") == "add" && op.Str("path") == "/spec/template/spec/containers/0/env/-")
            .Select(op => (op.Str("value", "name")!, op.Str("value", "value")))
            .ToList();
        var options = Options(env);
        Assert.Equal(["zipkin"], options.TraceExporters);
        Assert.Equal(new Uri(tracing.Str("spec", "tracing", "zipkin", "endpointAddress")!), options.ZipkinEndpoint);
        Assert.Equal("1", tracing.Str("spec", "tracing", "samplingRate"));
        Assert.Equal(1.0, options.SamplingRatio);
    }
}
