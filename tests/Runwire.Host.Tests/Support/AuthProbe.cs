using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Runwire.Testing;

/// <summary>One route and method of a host, as its endpoint data source lists it, with a concrete path to call.</summary>
internal sealed record ProbedEndpoint(string Method, string Pattern, string Path, bool Open)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Calls every endpoint a host maps the way an outsider would: without credentials, with a key of the wrong role, with
/// the right one. The endpoints come from the host's own endpoint data source, so a new one is probed the day it appears.
/// </summary>
internal static class AuthProbe
{
    public const string AdminKey = "admin-key-0123456789abcdef";
    public const string SubmitKey = "submit-key-0123456789abcdef";
    public const string ReadKey = "read-key-0123456789abcdef";
    /// <summary>Submit and read, not admin, not internal: the wrong role for imports, adapter writes and workflow steps.</summary>
    public const string OperatorKey = "operator-key-0123456789abcdef";
    public const string AppToken = "dapr-app-token-0123456789abcdef";

    /// <summary>
    /// The patterns open to anyone, sorted. The API reference's script and style files (mapped in Development) are
    /// static files and open like any; its page and the OpenAPI document need the read role, so they are not listed.
    /// </summary>
    public static IEnumerable<string> OpenPatterns(IEnumerable<ProbedEndpoint> endpoints) => endpoints
        .Where(e => e.Open && !e.Pattern.StartsWith("/api-reference/", StringComparison.Ordinal))
        .Select(e => e.Pattern).Order(StringComparer.Ordinal);

    /// <summary>Keys for every role (the reader's stored as its SHA-256) and, for the Dapr services, the app token.</summary>
    public static Dictionary<string, string> Settings(bool daprAppToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["Runwire:Auth:Mode"] = "required",
            ["Runwire:Auth:ApiKeys:admin:Key"] = AdminKey,
            ["Runwire:Auth:ApiKeys:admin:Roles"] = "admin",
            ["Runwire:Auth:ApiKeys:submitter:Key"] = SubmitKey,
            ["Runwire:Auth:ApiKeys:submitter:Roles:0"] = "submit",
            ["Runwire:Auth:ApiKeys:reader:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReadKey))),
            ["Runwire:Auth:ApiKeys:reader:Roles"] = "read",
            ["Runwire:Auth:ApiKeys:operator:Key"] = OperatorKey,
            ["Runwire:Auth:ApiKeys:operator:Roles"] = "submit, read",
        };
        if (daprAppToken)
        {
            // What daprd's environment variable becomes in the app's configuration.
            settings["APP_API_TOKEN"] = AppToken;
        }
        return settings;
    }

    /// <summary>The same settings as command-line arguments for <c>runwire serve</c>.</summary>
    public static string[] Arguments(bool daprAppToken) => [.. Settings(daprAppToken).Select(s => $"--{s.Key}={s.Value}")];

    public static IReadOnlyList<ProbedEndpoint> Endpoints(IServiceProvider services)
    {
        var endpoints = new List<ProbedEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var path = Materialize(endpoint.RoutePattern);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                endpoints.Add(new ProbedEndpoint(method, pattern, path, open));
            }
        }
        return endpoints;
    }

    /// <summary>The role docs/security.md gives an endpoint: steps and deliveries are internal, reads read, jobs submit, the rest admin.</summary>
    public static string RequiredRole(ProbedEndpoint endpoint) =>
        endpoint.Pattern.StartsWith("/internal/", StringComparison.Ordinal) || endpoint.Pattern.StartsWith("/events/", StringComparison.Ordinal) ? "internal"
        : endpoint.Method == "GET" ? "read"
        : endpoint.Pattern == "/jobs" || endpoint.Pattern.EndsWith("/execute", StringComparison.Ordinal)
            || endpoint.Pattern.EndsWith("/execute-latest", StringComparison.Ordinal) ? "submit"
        : "admin";

    /// <summary>Every way each endpoint answered differently from what the table asks; empty when all hold.</summary>
    public static async Task<List<string>> ProbeAsync(HttpClient http, IEnumerable<ProbedEndpoint> endpoints, bool daprAppToken)
    {
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Open)
            {
                var open = await SendAsync(http, endpoint, _ => { });
                Expect(failures, endpoint, "no credentials (open endpoint)", open, s => s is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden));
                continue;
            }
            var role = RequiredRole(endpoint);
            var anonymous = await SendAsync(http, endpoint, _ => { });
            Expect(failures, endpoint, "no credentials", anonymous, s => s == HttpStatusCode.Unauthorized);
            var wrong = role switch { "read" => SubmitKey, "submit" => ReadKey, _ => OperatorKey };
            Expect(failures, endpoint, $"a key without the {role} role", await SendAsync(http, endpoint, Key(wrong)), s => s == HttpStatusCode.Forbidden);
            Action<HttpRequestMessage> right = role switch
            {
                "read" => Key(ReadKey),
                "submit" => Key(SubmitKey),
                "internal" when daprAppToken => r => r.Headers.Add("dapr-api-token", AppToken),
                _ => Key(AdminKey),
            };
            Expect(failures, endpoint, $"the {role} role", await SendAsync(http, endpoint, right), Admitted);
            Expect(failures, endpoint, "the admin role", await SendAsync(http, endpoint, Key(AdminKey)), Admitted);
        }
        return failures;
    }

    public static Action<HttpRequestMessage> Key(string key) => r => r.Headers.Add("X-API-Key", key);

    private static bool Admitted(HttpStatusCode status) => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

    private static void Expect(List<string> failures, ProbedEndpoint endpoint, string with, HttpResponseMessage response, Func<HttpStatusCode, bool> expected)
    {
        using (response)
        {
            if (!expected(response.StatusCode))
            {
                failures.Add($"{endpoint} with {with}: {(int)response.StatusCode}");
            }
            else if (response.StatusCode == HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Count == 0)
            {
                failures.Add($"{endpoint} with {with}: 401 without a WWW-Authenticate header");
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, ProbedEndpoint endpoint, Action<HttpRequestMessage> authorize)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // An empty body: an admitted call is refused by the endpoint itself, so the probe changes nothing.
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        authorize(request);
        return await http.SendAsync(request);
    }

    private static string Materialize(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.Name switch
            {
                "id" => Guid.NewGuid().ToString("D"),
                "adapterId" => "no-such-adapter",
                "kind" => "sources",
                _ => "probe",
            },
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
