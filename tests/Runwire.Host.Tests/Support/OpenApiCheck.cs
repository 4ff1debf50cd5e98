using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Runwire.Testing;

/// <summary>
/// Checks a host's OpenAPI document against the host itself: it parses and validates as OpenAPI, and every route and
/// method the host's endpoint data source lists (all but those excluded from description and the health and metrics
/// endpoints, which have no method) is in it with every status code its metadata declares, and no body or response is
/// an untyped value where a schema was meant.
/// </summary>
internal static partial class OpenApiCheck
{
    public static void AssertDescribes(IServiceProvider services, string document)
    {
        var read = OpenApiDocument.Parse(document, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0,
            "the document does not parse: " + string.Join("; ", read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        var errors = read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(errors.Count == 0, "the document is not valid OpenAPI: " + string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));

        var paths = JsonNode.Parse(document)!["paths"]!.AsObject();
        List<string> missing = [];
        var described = 0;
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            {
                continue;
            }
            var path = Placeholder().Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}");
            foreach (var method in methods)
            {
                if (paths[path]?[method.ToLowerInvariant()] is not JsonObject operation)
                {
                    missing.Add($"{method} {path}");
                    continue;
                }
                described++;
                var responses = operation["responses"]?.AsObject() ?? [];
                foreach (var status in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).Distinct())
                {
                    if (!responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    {
                        missing.Add($"{method} {path} status {status}");
                    }
                }
                if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any())
                {
                    missing.Add($"{method} {path}: no status declared");
                }
            }
        }
        Assert.True(missing.Count == 0, "not in the OpenAPI document: " + string.Join(", ", missing));
        Assert.True(described > 0, "the host lists no described endpoint");
        Assert.DoesNotContain("#/components/schemas/JsonElement\"", TopLevelSchemas(paths), StringComparison.Ordinal);
    }

    /// <summary>The request and response schemas of every operation, as JSON text (their own properties not included).</summary>
    private static string TopLevelSchemas(JsonObject paths) => string.Join('\n', paths
        .SelectMany(p => p.Value!.AsObject())
        .SelectMany(o => new[] { o.Value!["requestBody"] }.Concat(o.Value!["responses"]?.AsObject().Select(r => r.Value) ?? []))
        .SelectMany(b => b?["content"]?.AsObject().Select(c => c.Value?["schema"]) ?? [])
        .Select(s => s?.ToJsonString() ?? ""));

    // {id:guid} -> {id}, {**rest} -> {rest}, as route templates appear in OpenAPI paths.
    [GeneratedRegex(@"\{\*{0,2}([^}:=?]+)[^}]*\}")]
    private static partial Regex Placeholder();
}
