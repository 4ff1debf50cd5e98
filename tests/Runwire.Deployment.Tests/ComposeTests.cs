using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>The local brokers and the observability stack of <c>dapr/compose.yaml</c>.</summary>
public sealed class ComposeTests
{
    /// <summary>Bind mounts in compose's short form, <c>host:container[:mode]</c>; host paths are relative to the compose file.</summary>
    internal static IEnumerable<(string Host, string Container)> Volumes(YamlNode service) =>
        service.Items("volumes").Select(v => v.ToString().Split(':')).Select(parts => (parts[0], parts[1]));

    [Fact]
    public void Compose_MountsOnlyFilesThatExist()
    {
        var services = (YamlMappingNode)Repo.Document("dapr", "compose.yaml").Node("services")!;

        var mounts = services.Children.SelectMany(s => Volumes(s.Value).Select(v => (Service: s.Key.ToString(), v.Host, v.Container))).ToList();
        Assert.Equal(["grafana", "prometheus"], mounts.Select(m => m.Service).Distinct().Order(StringComparer.Ordinal));
        foreach (var (service, host, _) in mounts)
        {
            var path = Repo.Path("dapr", host);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{service}: {host}");
        }
        Assert.Contains(mounts, m => m is { Service: "prometheus", Host: "../dashboards/prometheus.yml", Container: "/etc/prometheus/prometheus.yml" });
    }

    [Fact]
    public void Compose_PrometheusAndGrafanaShareTheHostNetwork_BecauseTheServicesListenOnLocalhost()
    {
        var services = Repo.Document("dapr", "compose.yaml").Node("services")!;

        Assert.Equal("host", services.Str("prometheus", "network_mode"));
        Assert.Equal("host", services.Str("grafana", "network_mode"));
        Assert.Equal("true", services.Str("grafana", "environment", "GF_AUTH_ANONYMOUS_ENABLED"));
        Assert.Equal("Viewer", services.Str("grafana", "environment", "GF_AUTH_ANONYMOUS_ORG_ROLE"));
        // Zipkin keeps its published port: the sidecars and the apps send spans to localhost:9411.
        Assert.Equal("9411:9411", services.Items("zipkin", "ports").Single().ToString());
    }
}
