using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Runwire.Host.Tests.Support;
using Runwire.Testing;

namespace Runwire.Host.Tests.Auth;

/// <summary>
/// <c>runwire serve</c> with authentication on, over real HTTP: API keys for every role, JWT bearer tokens signed with
/// the configured key, and the refusal to start when nothing is configured.
/// </summary>
public sealed class ServeAuthTests : IDisposable
{
    private const string SigningKey = "runwire-test-signing-key-of-32-bytes-or-more";
    private const string Issuer = "https://issuer.runwire.test";
    private const string Audience = "runwire";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EveryEndpoint_WithoutCredentialsOrWithTheWrongRole_IsRefused()
    {
        await using var host = await StartAsync();
        var endpoints = AuthProbe.Endpoints(host.Services);

        // The host's own list: the probe below calls each, so an endpoint added later is covered without editing this test.
        Assert.Contains(endpoints, e => e is { Method: "PUT", Pattern: "/api/transformations/{id:guid}" });
        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/adapters/{adapterId}/dataframe" });
        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/jobs" });
        Assert.Contains(endpoints, e => e is { Method: "GET", Pattern: "/" });
        Assert.Contains(endpoints, e => e is { Method: "GET", Pattern: "/jobs" });
        // The console's sign-in form (GET and POST) and its script and style sheet are open: they hold no data.
        Assert.Equal(["/console/assets/{file}", "/console/login", "/console/login", "/console/logout", "/healthz", "/healthz/live", "/healthz/ready", "/metrics"],
            AuthProbe.OpenPatterns(endpoints));
        var failures = await AuthProbe.ProbeAsync(host.Http, endpoints, daprAppToken: false);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Refusals_SayWhatIsMissing()
    {
        await using var host = await StartAsync();

        using var anonymous = await host.Http.GetAsync(new Uri("/api/transformations", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("X-API-Key", await DetailAsync(anonymous), StringComparison.Ordinal);

        using var unknown = await SendAsync(host, HttpMethod.Get, "/api/transformations", r => r.Headers.Add("X-API-Key", "not-a-configured-key-at-all"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("The credentials were refused: The API key is not known.", await DetailAsync(unknown));

        using var reader = await SendAsync(host, HttpMethod.Put, $"/api/transformations/{Guid.NewGuid()}", AuthProbe.Key(AuthProbe.ReadKey));
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal("This endpoint needs the role 'admin'; the credentials given hold read.", await DetailAsync(reader));
    }

    [Fact]
    public async Task ApiKey_InTheAuthorizationHeader_IsAcceptedLikeTheXApiKeyHeader()
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, HttpMethod.Get, "/api/transformations",
            r => r.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", AuthProbe.ReadKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray());
    }

    [Fact]
    public async Task Jwt_SignedWithTheConfiguredKey_GrantsItsRolesAndNoOthers()
    {
        await using var host = await StartAsync();
        var reader = Token(["read"], DateTime.UtcNow.AddMinutes(5), SigningKey);

        using var list = await SendAsync(host, HttpMethod.Get, "/api/transformations", Bearer(reader));
        using var put = await SendAsync(host, HttpMethod.Put, $"/api/transformations/{Guid.NewGuid()}", Bearer(reader));
        using var asAdmin = await SendAsync(host, HttpMethod.Put, $"/api/transformations/{Guid.NewGuid()}",
            Bearer(Token(["admin"], DateTime.UtcNow.AddMinutes(5), SigningKey)));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        // Admitted: the empty body is the endpoint's own refusal.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, asAdmin.StatusCode);
    }

    [Fact]
    public async Task Jwt_ExpiredOrSignedWithAnotherKey_IsRefused()
    {
        await using var host = await StartAsync();

        using var expired = await SendAsync(host, HttpMethod.Get, "/api/transformations",
            Bearer(Token(["admin"], DateTime.UtcNow.AddMinutes(-10), SigningKey)));
        using var forged = await SendAsync(host, HttpMethod.Get, "/api/transformations",
            Bearer(Token(["admin"], DateTime.UtcNow.AddMinutes(5), "another-signing-key-that-is-32-bytes-long")));

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains(expired.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter!.Contains("invalid_token", StringComparison.Ordinal));
        Assert.Contains("expired", await DetailAsync(expired), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public void Serve_NoCredentialConfigured_RefusesToStartSayingWhatToConfigure()
    {
        var run = RunwireCli.Run(null, "serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Sub("data"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Authentication is required, but no credential is configured.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Runwire:Auth:ApiKeys:<name>:Key", run.Output, StringComparison.Ordinal);
        Assert.Contains("Runwire:Auth:Mode=none", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_KeyWithAnUnknownRole_RefusesToStartNamingIt()
    {
        var run = RunwireCli.Run(null, "serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Sub("data"),
            $"--Runwire:Auth:ApiKeys:ci:Key={AuthProbe.AdminKey}", "--Runwire:Auth:ApiKeys:ci:Roles=write");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Runwire:Auth:ApiKeys:ci:Roles names 'write'; the roles are: submit, read, admin, internal.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ModeNone_WarnsThatEverythingIsOpen()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Sub("open"));

        using var response = await serve.Http.GetAsync(new Uri("/api/transformations", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Authentication is OFF (Runwire:Auth:Mode=none)", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ProtectedByConfiguration_NeedTheReadRole()
    {
        await using var host = await StartAsync("--Runwire:Auth:ProtectMetrics=true");

        using var anonymous = await host.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        using var reader = await SendAsync(host, HttpMethod.Get, "/metrics", AuthProbe.Key(AuthProbe.ReadKey));
        using var health = await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private Task<InProcessHost> StartAsync(params string[] extra) => InProcessHost.StartAsync(_dir.Sub($"data-{Guid.NewGuid():N}"), null,
        [
            .. AuthProbe.Arguments(daprAppToken: false),
            $"--Runwire:Auth:Jwt:SigningKey={SigningKey}", $"--Runwire:Auth:Jwt:Issuer={Issuer}", $"--Runwire:Auth:Jwt:Audience={Audience}",
            .. extra,
        ]);

    private static string Token(string[] roles, DateTime expires, string key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "someone"), .. roles.Select(r => new Claim("roles", r))]),
        NotBefore = expires.AddMinutes(-30),
        IssuedAt = expires.AddMinutes(-30),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    private static Action<HttpRequestMessage> Bearer(string token) => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static async Task<HttpResponseMessage> SendAsync(InProcessHost host, HttpMethod method, string path, Action<HttpRequestMessage> authorize)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Put)
        {
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        authorize(request);
        return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["detail"]!.GetValue<string>();
}
