using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Runwire.Testing;

namespace Runwire.Executor.Tests;

/// <summary>The executor service over real HTTP with authentication on: API keys for users, Dapr's app token for the workflow steps.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task EveryEndpoint_WithoutCredentialsOrWithTheWrongRole_IsRefused()
    {
        await using var factory = new ExecutorFactory { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);
        var endpoints = AuthProbe.Endpoints(factory.Services);

        Assert.Contains(endpoints, e => e is { Method: "PUT", Pattern: "/api/transformations/{id:guid}" });
        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/internal/run" });
        Assert.Equal(["/healthz", "/healthz/live", "/healthz/ready", "/metrics"], AuthProbe.OpenPatterns(endpoints));
        var failures = await AuthProbe.ProbeAsync(http, endpoints, daprAppToken: true);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task WorkflowStep_WithTheSidecarsAppToken_IsAdmittedAndWithAnotherTokenRefused()
    {
        await using var factory = new ExecutorFactory { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);

        using var sidecar = await PostAsync(http, "/internal/prepare", AuthProbe.AppToken);
        using var stranger = await PostAsync(http, "/internal/prepare", "not-the-app-token");

        // Admitted: the empty body is the endpoint's own refusal.
        Assert.Equal(HttpStatusCode.BadRequest, sidecar.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal("The credentials were refused: The dapr-api-token header does not match the app token.",
            JsonNode.Parse(await stranger.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["detail"]!.GetValue<string>());
    }

    [Fact]
    public void Start_NoCredentialConfigured_RefusesSayingWhatToConfigure()
    {
        using var factory = new ExecutorFactory { Settings = new Dictionary<string, string> { ["Runwire:Auth:Mode"] = "required" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Authentication is required, but no credential is configured.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("APP_API_TOKEN", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string appToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("dapr-api-token", appToken);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
