using System.Text.Json.Nodes;
using Runwire.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>One name and one port per service, everywhere it is written down (style C1).</summary>
public sealed class AppTopologyTests
{
    internal static readonly Dictionary<string, int> Expected = new()
    {
        [DaprNames.Ingest] = 5101,
        [DaprNames.Executor] = 5102,
        [DaprNames.Adapters] = 5103,
    };

    [Fact]
    public void DaprRunFile_RunsTheThreeServicesOnTheirPortsWithHealthChecks()
    {
        var run = Repo.Document("dapr", "dapr.yaml");

        var apps = run.Items("apps").ToList();
        Assert.Equal(Expected, apps.ToDictionary(a => a.Str("appID")!, a => int.Parse(a.Str("appPort")!, System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var app in apps)
        {
            var id = app.Str("appID")!;
            Assert.Equal($"../services/{id}/", app.Str("appDirPath"));
            Assert.Single(Directory.EnumerateFiles(Repo.Path("dapr", "..", "services", id), "*.csproj"));
            Assert.Equal(HealthPaths.Live, app.Str("appHealthCheckPath"));
            Assert.Equal("true", app.Str("enableAppHealthCheck"));
            Assert.Contains($"http://localhost:{Expected[id]}", app.Items("command").Select(c => c.ToString()));
        }
        Assert.Equal(3, apps.Select(a => a.Str("daprHTTPPort")).Distinct().Count());
        Assert.Equal(3, apps.Select(a => a.Str("daprGRPCPort")).Distinct().Count());
    }

    [Fact]
    public void DaprRunFile_PointsAtExistingResourcesAndTheTracingConfiguration()
    {
        var run = Repo.Document("dapr", "dapr.yaml");

        foreach (var path in run.Items("common", "resourcesPaths").Select(p => p.ToString()))
        {
            Assert.True(Directory.Exists(Repo.Path("dapr", path)), path);
        }
        var config = Repo.Document("dapr", run.Str("common", "configFilePath")!);
        Assert.Equal("Configuration", config.Str("kind"));
        Assert.Equal("1", config.Str("spec", "tracing", "samplingRate"));
        Assert.NotNull(config.Str("spec", "tracing", "zipkin", "endpointAddress"));
    }

    [Fact]
    public void LaunchSettings_UseTheRunFilePorts()
    {
        foreach (var (id, port) in Expected)
        {
            var settings = JsonNode.Parse(File.ReadAllText(Repo.Path("services", id, "Properties", "launchSettings.json")))!;
            Assert.Equal($"http://localhost:{port}", settings["profiles"]![id]!["applicationUrl"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Tye_RunsTheSameServicesOnTheSamePorts()
    {
        var tye = Repo.Document("tye.yaml");

        var services = tye.Items("services").ToDictionary(s => s.Str("name")!, s => s);
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), services.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, service) in services)
        {
            Assert.True(File.Exists(Repo.Path(service.Str("project")!)), service.Str("project"));
            Assert.Equal(Expected[id].ToString(System.Globalization.CultureInfo.InvariantCulture), service.Items("bindings").Single().Str("port"));
        }
        var dapr = tye.Items("extensions").Single(e => e.Str("name") == "dapr");
        Assert.True(Directory.Exists(Repo.Path(dapr.Str("components-path")!)));
        // Tye's Dapr extension resolves config as components/<config>.yaml below tye.yaml's folder (DaprExtension.cs).
        Assert.True(File.Exists(Repo.Path("components", dapr.Str("config")! + ".yaml")));
    }

    [Fact]
    public void Tye_LoadsTheResiliencyPolicyAndTheComponentsTheRunFileLoads()
    {
        var tye = Repo.Document("tye.yaml");
        var run = Repo.Document("dapr", "dapr.yaml");

        // daprd gets one -components-path from Tye, so that folder must hold everything the run file's sidecars load.
        var componentsPath = Path.GetFullPath(Repo.Path(tye.Items("extensions").Single(e => e.Str("name") == "dapr").Str("components-path")!));
        var runPaths = run.Items("common", "resourcesPaths").Select(p => Path.GetFullPath(Repo.Path("dapr", p.ToString()))).ToList();
        Assert.Equal([componentsPath], runPaths);
        var kinds = Directory.EnumerateFiles(componentsPath, "*.yaml").SelectMany(Repo.Documents).Select(d => d.Str("kind")).ToList();
        Assert.Contains("Resiliency", kinds);
        Assert.Equal(2, kinds.Count(k => k == "Component"));
    }

    [Fact]
    public void Kubernetes_DeploymentsServicesAndAnnotationsAgree()
    {
        var kustomization = Repo.Document("k8s", "base", "kustomization.yaml");
        var resources = kustomization.Items("resources").Select(r => r.ToString()).ToList();
        Assert.All(resources, r => Assert.True(File.Exists(Repo.Path("k8s", "base", r)), r));
        var documents = resources.SelectMany(r => Repo.Documents(Repo.Path("k8s", "base", r))).ToList();
        var tracing = documents.Single(d => d.Str("kind") == "Configuration").Str("metadata", "name");

        var deployments = documents.Where(d => d.Str("kind") == "Deployment").ToList();
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), deployments.Select(d => d.Str("metadata", "name")!).Order(StringComparer.Ordinal));
        foreach (var deployment in deployments)
        {
            var id = deployment.Str("metadata", "name")!;
            var annotations = deployment.Node("spec", "template", "metadata", "annotations")!;
            Assert.Equal("true", annotations.Str("dapr.io/enabled"));
            Assert.Equal(id, annotations.Str("dapr.io/app-id"));
            Assert.Equal(Expected[id].ToString(System.Globalization.CultureInfo.InvariantCulture), annotations.Str("dapr.io/app-port"));
            Assert.Equal(tracing, annotations.Str("dapr.io/config"));
            Assert.Equal(HealthPaths.Live, annotations.Str("dapr.io/app-health-check-path"));
            Assert.Equal("true", annotations.Str("dapr.io/enable-app-health-check"));
            var container = deployment.Items("spec", "template", "spec", "containers").Single();
            Assert.Equal(Expected[id].ToString(System.Globalization.CultureInfo.InvariantCulture), container.Items("ports").Single().Str("containerPort"));
            var service = documents.Single(d => d.Str("kind") == "Service" && d.Str("metadata", "name") == id);
            Assert.Equal(id, service.Str("spec", "selector", "app"));
        }
    }

    [Fact]
    public void DevOverlay_BuildsOnTheBase()
    {
        var overlay = Repo.Document("k8s", "overlays", "dev", "kustomization.yaml");

        var resources = overlay.Items("resources").Select(r => r.ToString()).ToList();
        Assert.Contains("../../base", resources);
        Assert.All(resources.Where(r => r.EndsWith(".yaml", StringComparison.Ordinal)), r => Assert.True(File.Exists(Repo.Path("k8s", "overlays", "dev", r)), r));
        Assert.Equal(Expected.Keys.Select(k => $"runwire/{k}").Order(StringComparer.Ordinal),
            overlay.Items("images").Select(i => i.Str("name")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compose_ProvidesKafkaWithoutZooKeeperRedisZipkinPrometheusAndGrafana()
    {
        var compose = Repo.Document("dapr", "compose.yaml");

        var services = ((YamlMappingNode)compose.Node("services")!).Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(["grafana", "kafka", "prometheus", "redis", "zipkin"], services);
        Assert.Equal("broker,controller", compose.Str("services", "kafka", "environment", "KAFKA_PROCESS_ROLES"));
    }
}
