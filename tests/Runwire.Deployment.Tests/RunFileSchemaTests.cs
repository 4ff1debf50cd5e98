using Runwire.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>
/// dapr/dapr.yaml holds only keys the Dapr CLI reads. The CLI parses the run file with yaml.v2's non-strict
/// Unmarshal (pkg/runfileconfig/run_file_config_parser.go), so an unknown key (daprHTTPMaxRequestSize, which left
/// every sidecar at 4 MB) is dropped without a word: only this list catches it.
/// </summary>
public sealed class RunFileSchemaTests
{
    /// <summary>
    /// The yaml tags of the CLI's run file structs in dapr/cli at commit bc695e9792f8c4dc5ea9d8984b2d13ab87176cff:
    /// <c>RunFileConfig</c> (pkg/runfileconfig/run_file_config.go) and <c>SharedRunConfig</c> (pkg/standalone/run.go),
    /// which the <c>common</c> section and every app inline.
    /// </summary>
    private static readonly HashSet<string> TopLevel = ["version", "name", "common", "apps"];

    private static readonly HashSet<string> Shared =
    [
        "configFilePath", "appProtocol", "apiListenAddresses", "enableProfiling", "logLevel", "appMaxConcurrency", "placementHostAddress",
        "resourcesPath", "resourcesPaths", "appSSL", "maxBodySize", "readBufferSize", "enableAppHealthCheck", "appHealthCheckPath",
        "appHealthProbeInterval", "appHealthProbeTimeout", "appHealthThreshold", "enableApiLogging", "runtimePath", "env",
        "daprdLogDestination", "appLogDestination", "schedulerHostAddress",
    ];

    /// <summary>An app adds <c>RunConfig</c>'s own keys (pkg/standalone/run.go), <c>ContainerConfiguration</c>'s and <c>appDirPath</c>.</summary>
    private static readonly HashSet<string> App =
    [
        .. Shared,
        "appID", "appChannelAddress", "appPort", "daprHTTPPort", "daprGRPCPort", "profilePort", "command", "metricsPort", "unixDomainSocket",
        "daprInternalGRPCPort", "containerImage", "containerImagePullPolicy", "createService", "appDirPath",
    ];

    [Fact]
    public void RunFile_UsesOnlyKeysTheDaprCliReads()
    {
        var run = Repo.Document("dapr", "dapr.yaml");

        Assert.All(Keys(run), k => Assert.Contains(k, TopLevel));
        Assert.All(Keys(run.Node("common")!), k => Assert.Contains(k, Shared));
        Assert.All(run.Items("apps"), app => Assert.All(Keys(app), k => Assert.Contains(k, App)));
    }

    [Fact]
    public void RunFile_RaisesTheSidecarsBodyLimitToWhatTheAppsTake()
    {
        var run = Repo.Document("dapr", "dapr.yaml");

        var limit = run.Str("common", "maxBodySize");
        Assert.NotNull(limit);
        Assert.True(ManifestTests.Quantity(limit) >= RequestLimits.DefaultMaxRequestBytes, limit);
        Assert.All(run.Items("apps"), app => Assert.Null(app.Str("maxBodySize")));
    }

    private static IEnumerable<string> Keys(YamlNode node) => ((YamlMappingNode)node).Children.Keys.Select(k => k.ToString());
}
