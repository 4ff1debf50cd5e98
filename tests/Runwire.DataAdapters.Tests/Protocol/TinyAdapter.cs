using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>
/// A tiny external adapter written against hetida's web_service_interface.md, independent of Runwire's server code:
/// one dataframe, two float timeseries, a multitsframe and a metadatum, plus sinks that record what they receive.
/// </summary>
public sealed class TinyAdapter : IAsyncDisposable
{
    private readonly WebApplication _app;

    public TinyAdapter()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        Map(_app);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentDictionary<string, (string Body, string? Attributes, string Query)> Received { get; } = new();

    public HttpClient CreateClient() => _app.GetTestClient();

    public HttpMessageHandler Handler => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static JsonObject Source(string id, string type, string? metadataKey = null) => new()
    {
        ["id"] = id, ["thingNodeId"] = "tiny", ["name"] = id, ["type"] = type, ["visible"] = true, ["path"] = "Tiny/" + id,
        ["metadataKey"] = metadataKey, ["filters"] = new JsonObject(),
    };

    private static JsonArray Sources() => [Source("tiny.frame", "dataframe"), Source("tiny.ts1", "timeseries(float)"), Source("tiny.ts2", "timeseries(float)"), Source("tiny.multi", "multitsframe")];

    private static JsonArray Sinks() => [Source("tiny.out", "dataframe"), Source("tiny.ts_out", "timeseries(float)"), Source("tiny.multi_out", "multitsframe")];

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        app.MapGet("/info", () => Json(new JsonObject { ["id"] = "tiny", ["name"] = "Tiny Adapter", ["version"] = "0.1" }));
        app.MapGet("/structure", (string? parentId) => Json(new JsonObject
        {
            ["id"] = "tiny", ["name"] = "Tiny Adapter",
            ["thingNodes"] = parentId is null ? new JsonArray(new JsonObject { ["id"] = "tiny", ["parentId"] = null, ["name"] = "Tiny", ["description"] = "All of it" }) : new JsonArray(),
            ["sources"] = parentId is null ? new JsonArray() : Sources(),
            ["sinks"] = parentId is null ? new JsonArray() : Sinks(),
        }));
        app.MapGet("/sources", () => Json(new JsonObject { ["resultCount"] = 4, ["sources"] = Sources() }));
        app.MapGet("/sinks", () => Json(new JsonObject { ["resultCount"] = 3, ["sinks"] = Sinks() }));
        app.MapGet("/sources/{id}/metadata/", (string id) => Json(new JsonArray(new JsonObject { ["key"] = "Max", ["value"] = 42.5, ["dataType"] = "float", ["isSink"] = false })));
        app.MapGet("/sinks/{id}/metadata/", (string id) => Json(new JsonArray()));
        app.MapGet("/sources/{id}/metadata/{key}", (string id, string key) =>
            key == "Max" ? Json(new JsonObject { ["key"] = "Max", ["value"] = 42.5, ["dataType"] = "float" }) : Results.NotFound());
        app.MapPost("/sinks/{id}/metadata/{key}", async (string id, string key, HttpRequest request) =>
        {
            Received[$"{id}/{key}"] = (await new StreamReader(request.Body).ReadToEndAsync(), null, request.QueryString.Value ?? "");
            return Results.Ok();
        });
        app.MapGet("/sources/{id}", (string id) => Sources().FirstOrDefault(s => s!["id"]!.GetValue<string>() == id) is { } s ? Json(s.DeepClone()) : Results.NotFound());
        app.MapGet("/sinks/{id}", (string id) => Sinks().FirstOrDefault(s => s!["id"]!.GetValue<string>() == id) is { } s ? Json(s.DeepClone()) : Results.NotFound());
        app.MapGet("/thingNodes/{id}", (string id) => id == "tiny" ? Json(new JsonObject { ["id"] = "tiny", ["parentId"] = null, ["name"] = "Tiny", ["description"] = "All of it" }) : Results.NotFound());
        app.MapGet("/timeseries", (HttpContext http) =>
        {
            var ids = http.Request.Query["id"].Select(i => i!).ToList();
            var lines = new StringBuilder();
            foreach (var id in ids)
            {
                var scale = id == "tiny.ts1" ? 1 : 10;
                // deliberately out of order: the client sorts by timestamp
                lines.Append($"{{\"timeseriesId\":\"{id}\",\"timestamp\":\"2024-01-01T00:00:01.000000000Z\",\"value\":{2 * scale}.5}}\n");
                lines.Append($"{{\"timeseriesId\":\"{id}\",\"timestamp\":\"2024-01-01T00:00:00.000000000Z\",\"value\":{scale}.5}}\n");
            }
            http.Response.Headers["Data-Attributes"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"tiny.ts1": {"unit": "bar"}}"""));
            return Results.Text(lines.ToString(), "application/x-ndjson");
        });
        app.MapGet("/dataframe", (string id, HttpContext http) => id switch
        {
            "tiny.frame" => Results.Text("{\"timestamp\":\"2024-01-02T00:00:00Z\",\"a\":2,\"b\":\"y\"}\n{\"timestamp\":\"2024-01-01T00:00:00Z\",\"a\":1,\"b\":\"x\"}\n", "application/x-ndjson"),
            "tiny.empty" => Results.Json(new { errorCode = "RESULT_EMPTY" }, statusCode: 404),
            "tiny.broken" => Results.Text("boom", statusCode: 500),
            _ => Results.Json(new { detail = "unknown source" }, statusCode: 404),
        });
        app.MapGet("/multitsframe", (string id, string from, string to) =>
            Results.Text($"{{\"timestamp\":\"{from}\",\"metric\":\"m1\",\"value\":1.0}}\n{{\"timestamp\":\"{from}\",\"metric\":\"m2\",\"value\":2.0}}\n", "application/x-ndjson"));
        foreach (var endpoint in new[] { "timeseries", "dataframe", "multitsframe" })
        {
            app.MapPost("/" + endpoint, async (HttpRequest request) =>
            {
                var id = request.Query[endpoint == "timeseries" ? "timeseriesId" : "id"].ToString();
                if (!Sinks().Any(s => s!["id"]!.GetValue<string>() == id))
                {
                    return Results.Json(new { detail = "unknown sink" }, statusCode: 404);
                }
                Received[id] = (await new StreamReader(request.Body).ReadToEndAsync(), request.Headers["Data-Attributes"].FirstOrDefault(), request.QueryString.Value ?? "");
                return Results.Ok();
            });
        }
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json");
}
