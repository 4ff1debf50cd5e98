using System.Globalization;
using Runwire.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>
/// The manifests as <c>kubectl kustomize</c> renders them (base and dev overlay): what the restricted Pod Security level,
/// the kubelet's probes and Dapr's sidecar injector will read.
/// </summary>
public sealed class ManifestTests
{
    /// <summary>
    /// Every annotation Dapr's sidecar injector reads: the constants of dapr/dapr <c>pkg/injector/annotations/annotations.go</c>
    /// at commit d8450742ce3260d93a2346f4398a1e60d019a45b. The injector ignores any other <c>dapr.io/</c> key without a word.
    /// </summary>
    private static readonly HashSet<string> DaprAnnotations =
    [
        "dapr.io/actors-disseminate-timeout", "dapr.io/api-token-secret", "dapr.io/app-binding-options-timeout", "dapr.io/app-channel-address",
        "dapr.io/app-health-check-path", "dapr.io/app-health-probe-interval", "dapr.io/app-health-probe-timeout", "dapr.io/app-health-threshold",
        "dapr.io/app-id", "dapr.io/app-max-concurrency", "dapr.io/app-port", "dapr.io/app-protocol", "dapr.io/app-ssl", "dapr.io/app-token-secret",
        "dapr.io/block-shutdown-duration", "dapr.io/component-container", "dapr.io/config", "dapr.io/debug-port",
        "dapr.io/disable-builtin-k8s-secret-store", "dapr.io/disable-init-endpoints", "dapr.io/enable-api-logging", "dapr.io/enable-app-health-check",
        "dapr.io/enable-debug", "dapr.io/enable-metrics", "dapr.io/enable-native-sidecar", "dapr.io/enable-profiling", "dapr.io/enabled", "dapr.io/env",
        "dapr.io/env-from-secret", "dapr.io/graceful-shutdown-seconds", "dapr.io/grpc-port", "dapr.io/http-max-request-size",
        "dapr.io/http-read-buffer-size", "dapr.io/inject-pluggable-components", "dapr.io/internal-grpc-port", "dapr.io/log-as-json", "dapr.io/log-level",
        "dapr.io/max-body-size", "dapr.io/metrics-port", "dapr.io/placement-host-address", "dapr.io/pluggable-components",
        "dapr.io/pluggable-components-sockets-folder", "dapr.io/read-buffer-size", "dapr.io/scheduler-host-address", "dapr.io/sentry-request-jwt-audiences",
        "dapr.io/sidecar-cpu-limit", "dapr.io/sidecar-cpu-request", "dapr.io/sidecar-image", "dapr.io/sidecar-listen-addresses",
        "dapr.io/sidecar-liveness-probe-delay-seconds", "dapr.io/sidecar-liveness-probe-period-seconds", "dapr.io/sidecar-liveness-probe-threshold",
        "dapr.io/sidecar-liveness-probe-timeout-seconds", "dapr.io/sidecar-memory-limit", "dapr.io/sidecar-memory-request",
        "dapr.io/sidecar-readiness-probe-delay-seconds", "dapr.io/sidecar-readiness-probe-period-seconds", "dapr.io/sidecar-readiness-probe-threshold",
        "dapr.io/sidecar-readiness-probe-timeout-seconds", "dapr.io/sidecar-seccomp-profile-type", "dapr.io/sidecar-svc-annotations",
        "dapr.io/unix-domain-socket-path", "dapr.io/volume-mounts", "dapr.io/volume-mounts-rw",
    ];

    public static TheoryData<string> Folders() => ["k8s/base", "k8s/overlays/dev"];

    [Fact]
    public void HealthPaths_TheManifestsUse_AreMappedByEveryService()
    {
        Assert.Contains(HealthPaths.Live, HealthPaths.Mapped);
        Assert.Contains(HealthPaths.Ready, HealthPaths.Mapped);
        Assert.Contains("/healthz", HealthPaths.Mapped);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Kustomize_Renders_EveryServiceWithItsServiceAndTheDaprResources(string folder)
    {
        var objects = Kustomize.Render(folder);

        foreach (var id in AppTopologyTests.Expected.Keys)
        {
            var deployment = objects.Named("Deployment", id);
            var service = objects.Named("Service", id);
            Assert.Equal(id, service.Str("spec", "selector", "app"));
            Assert.Equal(id, deployment.Str("spec", "template", "metadata", "labels", "app"));
        }
        Assert.Equal(2, objects.OfKind("Component").Count());
        Assert.Single(objects.OfKind("Configuration"));
        Assert.Single(objects.OfKind("Resiliency"));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void EveryContainer_HasResourcesAndMeetsTheRestrictedPodSecurityLevel(string folder)
    {
        var deployments = Kustomize.Render(folder).OfKind("Deployment").ToList();

        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            var pod = deployment.Node("spec", "template", "spec")!;
            var name = deployment.Str("metadata", "name");
            Assert.True(pod.Str("hostNetwork") is null or "false" && pod.Str("hostPID") is null or "false" && pod.Str("hostIPC") is null or "false", name);
            Assert.DoesNotContain(pod.Items("volumes"), v => v.Node("hostPath") is not null);
            foreach (var container in pod.Items("containers").Concat(pod.Items("initContainers")))
            {
                var where = $"{folder} {name}/{container.Str("name")}";
                foreach (var (section, resource) in new[] { ("requests", "cpu"), ("requests", "memory"), ("limits", "cpu"), ("limits", "memory") })
                {
                    Assert.True(container.Str("resources", section, resource) is not null, $"{where}: resources.{section}.{resource}");
                }
                Assert.True("true" == (container.Str("securityContext", "runAsNonRoot") ?? pod.Str("securityContext", "runAsNonRoot")), $"{where}: runAsNonRoot");
                Assert.NotEqual("0", container.Str("securityContext", "runAsUser") ?? pod.Str("securityContext", "runAsUser"));
                Assert.True(container.Str("securityContext", "allowPrivilegeEscalation") == "false", $"{where}: allowPrivilegeEscalation");
                Assert.True(container.Str("securityContext", "privileged") is null or "false", $"{where}: privileged");
                Assert.Contains("ALL", container.Items("securityContext", "capabilities", "drop").Select(c => c.ToString()));
                Assert.All(container.Items("securityContext", "capabilities", "add"), c => Assert.Equal("NET_BIND_SERVICE", c.ToString()));
                Assert.Contains(container.Str("securityContext", "seccompProfile", "type") ?? pod.Str("securityContext", "seccompProfile", "type"), new[] { "RuntimeDefault", "Localhost" });
            }
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void RunwireContainers_ReadOnlyRoot_WritableTmp_TheImagesUser_AndProbesOnTheHealthEndpoints(string folder)
    {
        var objects = Kustomize.Render(folder);

        foreach (var (id, port) in AppTopologyTests.Expected)
        {
            var pod = objects.Named("Deployment", id).Node("spec", "template", "spec")!;
            var container = pod.Items("containers").Single();
            Assert.Equal("true", container.Str("securityContext", "readOnlyRootFilesystem"));
            Assert.True(Mounted(pod, container, "/tmp"), $"{id}: an emptyDir at /tmp");
            Assert.Equal(DockerfileTests.UserId(id).ToString(CultureInfo.InvariantCulture), pod.Str("securityContext", "runAsUser"));
            var named = container.Items("ports").Single(p => p.Str("name") == "http");
            Assert.Equal(port.ToString(CultureInfo.InvariantCulture), named.Str("containerPort"));
            foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
            {
                var path = container.Str(probe, "httpGet", "path");
                Assert.True(path is not null && HealthPaths.Mapped.Contains(path), $"{id}.{probe}: {path} is not an endpoint the service maps");
                Assert.Equal("http", container.Str(probe, "httpGet", "port"));
            }
            // A failing liveness probe restarts the container: it must not depend on the sidecar or a store.
            Assert.Equal(HealthPaths.Live, container.Str("livenessProbe", "httpGet", "path"));
            Assert.Equal(HealthPaths.Ready, container.Str("readinessProbe", "httpGet", "path"));
        }
        var executor = objects.Named("Deployment", DaprNames.Executor).Node("spec", "template", "spec")!;
        var data = Dockerfile.Parse(Repo.Path("services", "executor", "Dockerfile"))[^1].Env()["Runwire__DataDirectory"];
        Assert.True(Mounted(executor, executor.Items("containers").Single(), data), $"executor: a volume at {data}, where imports persist");
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void RunwireDeployments_CarryTheDaprAnnotations_WithTheNamesTheInjectorReads(string folder)
    {
        var objects = Kustomize.Render(folder);
        var configuration = objects.OfKind("Configuration").Single().Str("metadata", "name");

        foreach (var (id, port) in AppTopologyTests.Expected)
        {
            var template = objects.Named("Deployment", id).Node("spec", "template")!;
            var annotations = ((YamlMappingNode)template.Node("metadata", "annotations")!).Children.ToDictionary(k => k.Key.ToString(), k => k.Value.ToString());
            Assert.All(annotations.Keys.Where(k => k.StartsWith("dapr.io/", StringComparison.Ordinal)), k => Assert.Contains(k, DaprAnnotations));
            Assert.Equal("true", annotations["dapr.io/enabled"]);
            Assert.Equal(id, annotations["dapr.io/app-id"]);
            Assert.Equal(port.ToString(CultureInfo.InvariantCulture), annotations["dapr.io/app-port"]);
            Assert.Equal(configuration, annotations["dapr.io/config"]);
            Assert.Equal("true", annotations["dapr.io/enable-app-health-check"]);
            Assert.Equal(HealthPaths.Live, annotations["dapr.io/app-health-check-path"]);
            // What the app takes (Runwire:Limits:MaxRequestBytes) must pass its sidecar too.
            Assert.True(Quantity(annotations["dapr.io/max-body-size"]) >= RequestLimits.DefaultMaxRequestBytes, annotations["dapr.io/max-body-size"]);
            Assert.Equal("RuntimeDefault", annotations["dapr.io/sidecar-seccomp-profile-type"]);
            Assert.All(["cpu-request", "memory-request", "cpu-limit", "memory-limit"], r => Assert.True(annotations.ContainsKey($"dapr.io/sidecar-{r}"), r));
            // The sidecar and the app read the same Secrets: the app token daprd sends, the API token the app sends.
            var env = template.Items("spec", "containers").Single().Items("env").ToDictionary(e => e.Str("name")!, e => e);
            Assert.Equal(annotations["dapr.io/app-token-secret"], env["APP_API_TOKEN"].Str("valueFrom", "secretKeyRef", "name"));
            Assert.Equal(annotations["dapr.io/api-token-secret"], env["DAPR_API_TOKEN"].Str("valueFrom", "secretKeyRef", "name"));
            Assert.All(new[] { env["APP_API_TOKEN"], env["DAPR_API_TOKEN"] }, e => Assert.Equal("token", e.Str("valueFrom", "secretKeyRef", "key")));
        }
    }

    [Fact]
    public void NetworkPolicies_LetOnlySidecarsIn_ExceptIngestsJobApi()
    {
        var objects = Kustomize.Render("k8s/base");
        var policies = objects.OfKind("NetworkPolicy").ToList();

        foreach (var id in AppTopologyTests.Expected.Keys)
        {
            var labels = Labels(objects.Named("Deployment", id).Node("spec", "template", "metadata", "labels")!);
            var selecting = policies.Where(p => Labels(p.Node("spec", "podSelector", "matchLabels")!).All(l => labels.Contains(l))).ToList();
            Assert.NotEmpty(selecting);
            var opened = selecting.SelectMany(p => p.Items("spec", "ingress")).ToList();
            foreach (var rule in opened)
            {
                var ports = rule.Items("ports").Select(p => p.Str("port")).ToList();
                if (ports.SequenceEqual(["dapr-internal"]))
                {
                    var from = Assert.Single(rule.Items("from"));
                    Assert.Equal("true", from.Str("podSelector", "matchLabels", "dapr.io/sidecar-injected"));
                    continue;
                }
                // The one exception: ingest's job API, which needs an API key.
                Assert.Equal(DaprNames.Ingest, id);
                Assert.Equal(["http"], ports);
            }
            Assert.Contains(opened, r => r.Items("ports").Any(p => p.Str("port") == "dapr-internal"));
        }
    }

    [Fact]
    public void DevOverlay_GeneratesEverySecretTheDeploymentsName_AndRunsTheBrokersTheComponentsName()
    {
        var objects = Kustomize.Render("k8s/overlays/dev");

        var secrets = objects.OfKind("Secret").Select(s => s.Str("metadata", "name")).ToHashSet();
        foreach (var id in AppTopologyTests.Expected.Keys)
        {
            var template = objects.Named("Deployment", id).Node("spec", "template")!;
            var container = template.Items("spec", "containers").Single();
            var named = container.Items("env").Select(e => e.Str("valueFrom", "secretKeyRef", "name")).OfType<string>()
                .Concat(container.Items("envFrom").Select(e => e.Str("secretRef", "name")).OfType<string>())
                .Concat(new[] { "dapr.io/app-token-secret", "dapr.io/api-token-secret" }.Select(a => template.Str("metadata", "annotations", a)!));
            Assert.All(named, n => Assert.Contains(n, secrets));
        }
        Assert.All(objects.Where(o => o.Str("kind") != "Namespace"), o => Assert.Equal("runwire-dev", o.Str("metadata", "namespace")));
        var brokers = Metadata(objects.Named("Component", DaprNames.PubSub), "brokers")!;
        var redis = Metadata(objects.Named("Component", DaprNames.StateStore), "redisHost")!;
        var zipkin = new Uri(objects.OfKind("Configuration").Single().Str("spec", "tracing", "zipkin", "endpointAddress")!);
        foreach (var (host, port) in new[] { Split(brokers), Split(redis), (zipkin.Host, zipkin.Port) })
        {
            var service = objects.Named("Service", host);
            Assert.Contains(service.Items("spec", "ports"), p => p.Str("port") == port.ToString(CultureInfo.InvariantCulture));
            objects.Named("Deployment", service.Str("spec", "selector", "app")!);
        }
        Assert.Equal("restricted", objects.Named("Namespace", "runwire-dev").Str("metadata", "labels", "pod-security.kubernetes.io/warn"));
    }

    private static bool Mounted(YamlNode pod, YamlNode container, string path)
    {
        var mount = container.Items("volumeMounts").SingleOrDefault(m => m.Str("mountPath") == path);
        return mount is not null && pod.Items("volumes").Any(v => v.Str("name") == mount.Str("name") && v.Node("emptyDir") is not null);
    }

    private static HashSet<string> Labels(YamlNode map) =>
        [.. ((YamlMappingNode)map).Children.Select(c => $"{c.Key}={c.Value}")];

    private static string? Metadata(YamlNode component, string name) =>
        component.Items("spec", "metadata").Where(m => m.Str("name") == name).Select(m => m.Str("value")).SingleOrDefault();

    private static (string Host, int Port) Split(string address) =>
        (address.Split(':')[0], int.Parse(address.Split(':')[1], CultureInfo.InvariantCulture));

    /// <summary>A Kubernetes quantity in bytes (<c>64Mi</c>, <c>1Gi</c>, <c>500M</c>), as daprd parses max-body-size.</summary>
    internal static long Quantity(string value)
    {
        var units = new (string Suffix, long Factor)[] { ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("k", 1000), ("M", 1000_000), ("G", 1000_000_000) };
        var (suffix, factor) = units.FirstOrDefault(u => value.EndsWith(u.Suffix, StringComparison.Ordinal), ("", 1));
        return long.Parse(value[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
    }
}
