using System.Net;
using System.Text;
using Runwire.Ingest.Tests.Support;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Auth;

/// <summary>
/// Ingest over real HTTP with authentication on: users submit and read jobs with their keys, daprd delivers the job
/// topic with its app token, and /dapr/subscribe stays open for daprd's start.
/// </summary>
public sealed class AuthTests
{
    [Fact]
    public async Task EveryEndpoint_WithoutCredentialsOrWithTheWrongRole_IsRefused()
    {
        await using var factory = new SeamHost { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);
        var endpoints = AuthProbe.Endpoints(factory.Services);

        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/jobs" });
        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/events/jobs" });
        Assert.Contains(endpoints, e => e is { Method: "GET", Pattern: "/jobs" });
        Assert.Contains(endpoints, e => e is { Method: "GET", Pattern: "/" });
        // The console's sign-in and its scripts and styles are open, as on the standalone host; its pages and GET /jobs need the read role.
        Assert.Equal(["/console/assets/{file}", "/console/login", "/console/login", "/console/logout", "/dapr/subscribe", "/healthz", "/healthz/live", "/healthz/ready", "/metrics"],
            AuthProbe.OpenPatterns(endpoints));
        var failures = await AuthProbe.ProbeAsync(http, endpoints, daprAppToken: true);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task TopicDelivery_WithTheAppToken_IsAnsweredAndWithAnotherTokenRefused()
    {
        await using var factory = new SeamHost { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);

        using var delivered = await DeliverAsync(http, AuthProbe.AppToken);
        using var forged = await DeliverAsync(http, "not-the-app-token");

        // An undecodable record without a key: dropped to the dead-letter topic, which is an answer daprd acts on.
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Contains("DROP", await delivered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task InvokedThroughDapr_WithTheAppTokenAndAUsersKey_HasTheUsersRoles()
    {
        await using var factory = new SeamHost { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);

        // daprd adds its app token to a user's call through service invocation; the token alone may not submit jobs.
        using var tokenOnly = await SubmitAsync(http, r => r.Headers.Add("dapr-api-token", AuthProbe.AppToken));
        using var withKey = await SubmitAsync(http, r =>
        {
            r.Headers.Add("dapr-api-token", AuthProbe.AppToken);
            AuthProbe.Key(AuthProbe.SubmitKey)(r);
        });

        Assert.Equal(HttpStatusCode.Forbidden, tokenOnly.StatusCode);
        // Admitted: "not a job" is the endpoint's own refusal.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withKey.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_WithoutCredentials_IsNotFoundAsDaprdExpectsOfDaprConfig()
    {
        await using var factory = new SeamHost { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);

        using var response = await http.GetAsync(new Uri("/dapr/config", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Start_NoCredentialConfigured_RefusesSayingWhatToConfigure()
    {
        using var factory = new SeamHost { Settings = new Dictionary<string, string> { ["Runwire:Auth:Mode"] = "required" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Authentication is required, but no credential is configured.", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, Action<HttpRequestMessage> authorize)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("not a job")) };
        authorize(request);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient http, string appToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events/jobs")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("not a job")),
        };
        request.Content.Headers.ContentType = new("application/octet-stream");
        request.Headers.Add("dapr-api-token", appToken);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
