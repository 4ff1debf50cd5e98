using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Runwire.Deployment.Tests;

/// <summary>The Grafana dashboard, its provisioning, and the Prometheus that feeds it.</summary>
public sealed partial class DashboardTests
{
    private const string Datasource = "${datasource}";
    private static readonly string[] HostGauges = ["runwire_queue_depth", "runwire_jobs_in_flight"];

    private static JsonObject Dashboard() =>
        JsonNode.Parse(File.ReadAllText(Repo.Path("dashboards", "grafana", "runwire.json")))!.AsObject();

    private static List<JsonObject> Panels() =>
        [.. Dashboard()["panels"]!.AsArray().Select(p => p!.AsObject()).Where(p => p["type"]!.GetValue<string>() != "row")];

    [Fact]
    public void Dashboard_Parses_WithTheDatasourceServiceInstanceAndTransportVariables()
    {
        var dashboard = Dashboard();

        Assert.True(dashboard["schemaVersion"]!.GetValue<int>() >= 39);
        Assert.Equal("runwire", dashboard["uid"]!.GetValue<string>());
        var variables = dashboard["templating"]!["list"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!);
        Assert.Equal(["datasource", "instance", "job", "transport"], variables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("datasource", variables["datasource"]["type"]!.GetValue<string>());
        Assert.Equal("prometheus", variables["datasource"]["query"]!.GetValue<string>());
        foreach (var name in new[] { "job", "instance", "transport" })
        {
            Assert.Equal(Datasource, variables[name]["datasource"]!["uid"]!.GetValue<string>());
            Assert.StartsWith("label_values(", variables[name]["definition"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dashboard_EveryPanel_HasTheTemplatedDatasourceAndQueriesFilteredByServiceAndInstance()
    {
        var panels = Panels();

        Assert.True(panels.Count >= 10, $"{panels.Count} panels");
        Assert.Equal(panels.Count, panels.Select(p => p["id"]!.GetValue<int>()).Distinct().Count());
        foreach (var panel in panels)
        {
            var title = panel["title"]!.GetValue<string>();
            Assert.True(Datasource == panel["datasource"]?["uid"]?.GetValue<string>(), title);
            var targets = panel["targets"]!.AsArray();
            Assert.NotEmpty(targets);
            foreach (var target in targets)
            {
                Assert.True(Datasource == target!["datasource"]?["uid"]?.GetValue<string>(), title);
                var expr = target["expr"]?.GetValue<string>();
                Assert.False(string.IsNullOrWhiteSpace(expr), title);
                var selectors = Selector().Matches(expr!).ToList();
                Assert.True(selectors.Count > 0, $"{title}: {expr}");
                Assert.All(selectors, s => Assert.Contains("job=~\"$job\",instance=~\"$instance\"", s.Groups["labels"].Value, StringComparison.Ordinal));
                // Job counters and histograms carry runwire_transport; the standalone host's gauges are per process.
                Assert.All(selectors.Where(s => s.Groups["name"].Value.StartsWith("runwire_", StringComparison.Ordinal)
                        && !HostGauges.Contains(s.Groups["name"].Value)),
                    s => Assert.Contains("runwire_transport=~\"$transport\"", s.Groups["labels"].Value, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Dashboard_QuantilesComeFromHistogramBuckets()
    {
        var exprs = Panels().SelectMany(p => p["targets"]!.AsArray()).Select(t => t!["expr"]!.GetValue<string>()).ToList();

        foreach (var quantile in new[] { "0.5", "0.95", "0.99" })
        {
            Assert.Contains(exprs, e => e.StartsWith($"histogram_quantile({quantile}, sum by (le) (rate(runwire_job_duration_seconds_bucket{{", StringComparison.Ordinal));
        }
        Assert.Contains(exprs, e => e.Contains("sum by (le, runwire_step) (rate(runwire_step_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.All(exprs.Where(e => e.StartsWith("histogram_quantile(", StringComparison.Ordinal)),
            e => Assert.Matches(@"sum by \(le[,)].*_bucket\{", e));
    }

    [Fact]
    public void Prometheus_ScrapesEveryServiceOnTheAppPortOfTheRunFileTyeAndKubernetes()
    {
        var prometheus = Repo.Document("dashboards", "prometheus.yml");

        var jobs = prometheus.Items("scrape_configs").ToDictionary(j => j.Str("job_name")!,
            j => j.Items("static_configs").SelectMany(c => c.Items("targets")).Select(t => t.ToString()).Single());
        Assert.All(prometheus.Items("scrape_configs"), j => Assert.Equal("/metrics", j.Str("metrics_path")));
        Assert.Equal(["adapters", "executor", "ingest", "runwire"], jobs.Keys.Order(StringComparer.Ordinal));
        var runFile = Repo.Document("dapr", "dapr.yaml").Items("apps").ToDictionary(a => a.Str("appID")!, a => a.Str("appPort"));
        var tye = Repo.Document("tye.yaml").Items("services").ToDictionary(s => s.Str("name")!, s => s.Items("bindings").Single().Str("port"));
        var kubernetes = new[] { "ingest", "executor", "adapters" }.ToDictionary(id => id,
            id => Repo.Documents(Repo.Path("k8s", "base", $"{id}.yaml")).Single(d => d.Str("kind") == "Deployment")
                .Node("spec", "template", "metadata", "annotations")!.Str("dapr.io/app-port"));
        foreach (var (id, port) in AppTopologyTests.Expected)
        {
            var text = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($"localhost:{text}", jobs[id]);
            Assert.Equal(text, runFile[id]);
            Assert.Equal(text, tye[id]);
            Assert.Equal(text, kubernetes[id]);
        }
        // runwire serve's default address, where the standalone host listens without --urls.
        var serve = File.ReadAllText(Repo.Path("services", "runwire", "Serve", "ServeSettings.cs"));
        Assert.Equal($"localhost:{ServeDefaultPort().Match(serve).Groups[1].Value}", jobs["runwire"]);
    }

    [Fact]
    public void GrafanaProvisioning_UsesComposesPrometheusAndLoadsTheMountedDashboard()
    {
        var datasources = Repo.Document("dashboards", "grafana", "provisioning", "datasources", "prometheus.yaml");
        var providers = Repo.Document("dashboards", "grafana", "provisioning", "dashboards", "runwire.yaml");
        var grafana = Repo.Document("dapr", "compose.yaml").Node("services", "grafana")!;

        var prometheus = Assert.Single(datasources.Items("datasources"));
        Assert.Equal("prometheus", prometheus.Str("type"));
        Assert.Equal("http://localhost:9090", prometheus.Str("url"));
        Assert.Equal(Repo.Document("dashboards", "prometheus.yml").Str("global", "scrape_interval"), prometheus.Str("jsonData", "timeInterval"));
        var folder = Assert.Single(providers.Items("providers")).Str("options", "path");
        var mounts = ComposeTests.Volumes(grafana).ToDictionary(v => v.Container, v => v.Host);
        Assert.Equal("../dashboards/grafana/runwire.json", mounts[$"{folder}/runwire.json"]);
        Assert.Equal("../dashboards/grafana/provisioning", mounts["/etc/grafana/provisioning"]);
        Assert.Equal($"{folder}/runwire.json", grafana.Str("environment", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
    }

    [GeneratedRegex(@"(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\}")]
    private static partial Regex Selector();

    [GeneratedRegex("DefaultUrls = \"http://localhost:([0-9]+)\"")]
    private static partial Regex ServeDefaultPort();
}
