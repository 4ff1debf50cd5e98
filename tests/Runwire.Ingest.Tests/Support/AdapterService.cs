using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Runwire.Ingest.Tests.Support;

/// <summary>
/// A minimal adapters service in the test (the adapters issue's service is not in main yet): adapter <c>test-store</c>
/// serves sources from <see cref="Sources"/> by <c>ref_id</c> and records what sinks receive; other ids are unknown.
/// </summary>
public sealed class AdapterService : IAsyncDisposable
{
    public const string AdapterId = "test-store";
    private Loopback? _loopback;

    public ConcurrentDictionary<string, string> Sources { get; } = new();

    public ConcurrentDictionary<string, JsonNode?> Received { get; } = new();

    public Uri Address => _loopback!.Address;

    public static async Task<AdapterService> StartAsync()
    {
        var service = new AdapterService();
        service._loopback = await Loopback.StartAsync(_ => { }, app =>
        {
            app.MapPost("/internal/load", service.LoadAsync);
            app.MapPost("/internal/send", service.SendAsync);
        });
        return service;
    }

    private async Task<IResult> LoadAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        if (body["adapterId"]!.GetValue<string>() != AdapterId)
        {
            return Results.NotFound();
        }
        var values = new JsonObject();
        foreach (var input in body["inputs"]!.AsArray())
        {
            var refId = input!["wiring"]!["refId"]?.GetValue<string>() ?? "";
            if (!Sources.TryGetValue(refId, out var value))
            {
                return Results.Json(new { type = "AdapterClientWiringInvalidError", message = $"No source '{refId}'." }, statusCode: 422);
            }
            values[input["wiring"]!["workflowInputName"]!.GetValue<string>()] = value;
        }
        return Results.Json(new JsonObject { ["values"] = values });
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        foreach (var output in body["outputs"]!.AsArray())
        {
            Received[output!["wiring"]!["refId"]!.GetValue<string>()] = output["value"]?.DeepClone();
        }
        return Results.NoContent();
    }

    public ValueTask DisposeAsync() => _loopback?.DisposeAsync() ?? ValueTask.CompletedTask;
}
