using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Runwire.Core.Adapters;
using Runwire.Core.Codecs;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Data;
using Runwire.Core.Security;

namespace Runwire.Adapters.Steps;

/// <summary>
/// The adapters' side of a Dapr workflow job: hetida's runtime <c>load</c>/<c>send</c> contract (spec §6.1), batched
/// per adapter id, over whichever <see cref="AdapterRegistry"/> the service registers. Values cross as hetida's JSON:
/// loaded values in direct_provisioning's text form (the executor parses them like inline data), outputs as the
/// result encodes them.
/// </summary>
internal static class AdapterSteps
{
    private const long MaxStepBodyBytes = 256L * 1024 * 1024;

    public static IHostApplicationBuilder AddAdapterSteps(this IHostApplicationBuilder builder)
    {
        // The adapters feature registers the real registry; without it the service knows no adapter.
        builder.Services.TryAddSingleton(AdapterRegistry.Empty);
        return builder;
    }

    public static IEndpointRouteBuilder MapAdapterSteps(this IEndpointRouteBuilder app)
    {
        app.MapPost("/internal/load", LoadAsync).ExcludeFromDescription().RequireAuthorization(AccessRoles.Internal);
        app.MapPost("/internal/send", SendAsync).ExcludeFromDescription().RequireAuthorization(AccessRoles.Internal);
        return app;
    }

    internal static async Task<IResult> LoadAsync(HttpRequest http, AdapterRegistry registry, CancellationToken ct)
    {
        if (await ReadAsync<LoadRequest>(http, ct) is not { } request)
        {
            return TypedResults.BadRequest();
        }
        if (registry.FindSource(request.AdapterId) is not { } adapter)
        {
            return Unknown(registry, request.AdapterId);
        }
        var inputs = request.Inputs.Select(i => new SourceRequest(i.Wiring, DataTypes.FromJson(i.DataType) ?? DataType.Any)).ToList();
        try
        {
            var loaded = await adapter.LoadAsync(inputs, new AdapterContext(request.JobId, request.TransformationId), ct);
            var values = new JsonObject();
            foreach (var (name, value) in loaded)
            {
                // direct_provisioning takes a STRING input's text as is; every other type is parsed from its JSON.
                values[name] = value as string ?? ValueEncoder.ToJsonNode(value)?.ToJsonString() ?? "null";
            }
            return TypedResults.Json(new JsonObject { ["values"] = values });
        }
        catch (AdapterException e)
        {
            return Refused(e);
        }
    }

    internal static async Task<IResult> SendAsync(HttpRequest http, AdapterRegistry registry, CancellationToken ct)
    {
        if (await ReadAsync<SendRequest>(http, ct) is not { } request)
        {
            return TypedResults.BadRequest();
        }
        if (registry.FindSink(request.AdapterId) is not { } adapter)
        {
            return Unknown(registry, request.AdapterId);
        }
        try
        {
            var outputs = request.Outputs.Select(o =>
            {
                var type = DataTypes.FromJson(o.DataType) ?? DataType.Any;
                return new SinkRequest(o.Wiring, type, ValueParser.ParseJson(o.Value, type, nullable: true));
            }).ToList();
            var context = new AdapterContext(request.JobId, request.TransformationId) { Repeatable = true };
            await adapter.SendAsync(outputs, request.JobTime is { } time ? context with { StartedAt = time } : context, ct);
            return TypedResults.NoContent();
        }
        catch (ValueParseException e)
        {
            return Refused(new AdapterException("AdapterOutputDataError", e.Message, e));
        }
        catch (AdapterException e)
        {
            return Refused(e);
        }
    }

    // Outputs on their way to sinks can be far larger than Kestrel's 30 MB default once JSON-escaped.
    private static async Task<T?> ReadAsync<T>(HttpRequest http, CancellationToken ct)
    {
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxStepBodyBytes;
        }
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Body, StepJson.Options, ct);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    // 4xx: the job fails at the loading or sending stage and is not retried; anything thrown here answers 500 and is.
    private static JsonHttpResult<StepError> Refused(AdapterException e) =>
        TypedResults.Json(new StepError(e.TypeName, e.Message), statusCode: StatusCodes.Status422UnprocessableEntity);

    private static JsonHttpResult<StepError> Unknown(AdapterRegistry registry, string adapterId) =>
        TypedResults.Json(new StepError("AdapterHandlingException", registry.MissingMessage(adapterId)),
            statusCode: StatusCodes.Status404NotFound);
}
