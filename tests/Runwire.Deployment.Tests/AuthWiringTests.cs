using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Runwire.ServiceDefaults.Auth;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>The run and deploy files give every service credentials and never turn authentication off.</summary>
public sealed class AuthWiringTests
{
    private const string AppTokenSecret = "runwire-app-token";
    private const string ApiTokenSecret = "runwire-api-token";
    private const string AuthSecret = "runwire-auth";

    [Fact]
    public void Kubernetes_EveryDeploymentTakesTheAppTokenAndTheKeysFromSecrets()
    {
        var deployments = Repo.Documents(Repo.Path("k8s", "base", "ingest.yaml"))
            .Concat(Repo.Documents(Repo.Path("k8s", "base", "executor.yaml")))
            .Concat(Repo.Documents(Repo.Path("k8s", "base", "adapters.yaml")))
            .Where(d => d.Str("kind") == "Deployment").ToList();

        Assert.Equal(3, deployments.Count);
        foreach (var deployment in deployments)
        {
            Assert.Equal(AppTokenSecret, deployment.Str("spec", "template", "metadata", "annotations", "dapr.io/app-token-secret"));
            Assert.Equal(ApiTokenSecret, deployment.Str("spec", "template", "metadata", "annotations", "dapr.io/api-token-secret"));
            var container = deployment.Items("spec", "template", "spec", "containers").Single();
            var token = container.Items("env").Single(e => e.Str("name") == AuthSettings.DaprAppTokenVariable);
            Assert.Equal(AppTokenSecret, token.Str("valueFrom", "secretKeyRef", "name"));
            Assert.Equal("token", token.Str("valueFrom", "secretKeyRef", "key"));
            Assert.Contains(container.Items("envFrom"), e => e.Str("secretRef", "name") == AuthSecret);
            Assert.DoesNotContain(container.Items("env"), e => e.Str("name") == "Runwire__Auth__Mode");
        }
    }

    [Fact]
    public void DevOverlay_GeneratesTheSecretsAsAConfigurationTheServicesAccept()
    {
        var overlay = Repo.Document("k8s", "overlays", "dev", "kustomization.yaml");
        var secrets = overlay.Items("secretGenerator").ToDictionary(s => s.Str("name")!, Literals);

        Assert.Equal("true", overlay.Str("generatorOptions", "disableNameSuffixHash"));
        Assert.NotEqual(secrets[AppTokenSecret]["token"], secrets[ApiTokenSecret]["token"]);
        var environment = new Dictionary<string, string?>(secrets[AuthSecret].Select(l => KeyValuePair.Create(l.Key.Replace("__", ":", StringComparison.Ordinal), (string?)l.Value)))
        {
            [AuthSettings.DaprAppTokenVariable] = secrets[AppTokenSecret]["token"],
        };
        var settings = AuthSettings.From(new ConfigurationBuilder().AddInMemoryCollection(environment).Build());

        Assert.True(settings.Enabled);
        Assert.NotNull(settings.DaprAppToken);
        var key = Assert.Single(settings.ApiKeys);
        Assert.Equal(["admin"], key.Roles);
        // The key the overlay's comment gives is the one whose hash the Secret keeps.
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes("runwire-dev-admin-key-change-me")), key.Sha256);
    }

    [Fact]
    public void LocalRunners_NeverTurnAuthenticationOff()
    {
        var run = Repo.Document("dapr", "dapr.yaml");
        var tye = Repo.Document("tye.yaml");

        Assert.Null(run.Str("common", "env", "Runwire__Auth__Mode"));
        Assert.All(run.Items("apps"), a => Assert.Null(a.Str("env", "Runwire__Auth__Mode")));
        Assert.All(tye.Items("services"), s => Assert.DoesNotContain(s.Items("env"), e => e.Str("name") == "Runwire__Auth__Mode"));
    }

    private static Dictionary<string, string> Literals(YamlNode generator) =>
        generator.Items("literals").Select(l => ((YamlScalarNode)l).Value!.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
