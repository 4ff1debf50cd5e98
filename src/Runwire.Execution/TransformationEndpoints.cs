using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Runwire.Core.Security;
using Runwire.Core.Transformations;
using Runwire.ServiceDefaults.OpenApi;

namespace Runwire.Execution;

/// <summary>List, get, import and export transformations in hetida's export format.</summary>
public static class TransformationEndpoints
{
    public static IEndpointRouteBuilder MapTransformations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/transformations", List)
            .WithName("ListTransformations")
            .WithSummary("All transformation revisions, optionally filtered by type, state, category or revision group.")
            .Produces<IReadOnlyList<TransformationRevisionSchema>>(200)
            .RequireAuthorization(AccessRoles.Read);
        app.MapGet("/api/transformations/{id:guid}", Get)
            .WithName("GetTransformation")
            .WithSummary("One transformation revision in hetida's export format.")
            .Produces<TransformationRevisionSchema>(200).Produces<DetailSchema>(404)
            .RequireAuthorization(AccessRoles.Read);
        app.MapPut("/api/transformations/{id:guid}", PutAsync)
            .WithName("PutTransformation")
            .WithSummary("Import (create or replace) one transformation revision; the body's id must match the path.")
            .Accepts<TransformationRevisionSchema>("application/json", "*/*")
            .Produces<TransformationRevisionSchema>(200).Produces<TransformationRevisionSchema>(201)
            .Produces<DetailSchema>(409).Produces<DetailSchema>(422)
            .RequireAuthorization(AccessRoles.Admin);
        app.MapPost("/api/transformations", PostAsync)
            .WithName("ImportTransformations")
            .WithSummary("Import one transformation revision or a list of them; all are validated before any is stored.")
            .Accepts<IReadOnlyList<TransformationRevisionSchema>>("application/json", "*/*")
            .Produces<ImportedSchema>(201).Produces<DetailListSchema>(409).Produces<DetailListSchema>(422)
            .RequireAuthorization(AccessRoles.Admin);
        return app;
    }

    internal static IResult List(TransformationStore store, string? type = null, string? state = null, string? category = null,
        Guid? revision_group_id = null)
    {
        var items = store.All
            .Where(t => type is null || t.TypeName.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Where(t => state is null || t.State.ToString().Equals(state, StringComparison.OrdinalIgnoreCase))
            .Where(t => category is null || t.Category == category)
            .Where(t => revision_group_id is null || t.RevisionGroupId == revision_group_id)
            .OrderBy(t => t.Category, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => t.Source.DeepClone())
            .ToArray();
        return Results.Text(new JsonArray(items).ToJsonString(), "application/json");
    }

    internal static IResult Get(Guid id, TransformationStore store) =>
        store.Export(id) is { } export
            ? Results.Text(export.ToJsonString(), "application/json")
            : Results.Json(new { detail = $"Could not find transformation revision {id}" }, statusCode: 404);

    // hetida's query parameter (transformation_router.py): released and deprecated revisions are replaced only "for deployment".
    internal static async Task<IResult> PutAsync(Guid id, HttpRequest request, TransformationStore store, CancellationToken ct,
        [FromQuery(Name = "allow_overwrite_released")] bool allowOverwriteReleased = false)
    {
        var (revisions, error) = await ReadAsync(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }
        if (revisions!.Count != 1 || revisions[0].Id != id)
        {
            return Results.Json(new { detail = $"The body must be one transformation revision with id {id}." }, statusCode: 409);
        }
        var existed = store.Find(id) is not null;
        if (store.TryImport(revisions, allowOverwriteReleased) is { } refusal)
        {
            return Refused(refusal, single: true);
        }
        return Results.Text(store.Export(id)!.ToJsonString(), "application/json", statusCode: existed ? 200 : 201);
    }

    internal static async Task<IResult> PostAsync(HttpRequest request, TransformationStore store, CancellationToken ct,
        [FromQuery(Name = "allow_overwrite_released")] bool allowOverwriteReleased = false)
    {
        var (revisions, error) = await ReadAsync(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }
        if (store.TryImport(revisions!, allowOverwriteReleased) is { } refusal)
        {
            return Refused(refusal, single: false);
        }
        return Results.Json(new { imported = revisions!.Select(r => r.Id).ToArray() }, statusCode: 201);
    }

    // PUT answers one detail text like hetida's; POST (a list) one text per refused revision.
    private static IResult Refused(ImportRefusal refusal, bool single) => Results.Json(
        new { detail = single ? (object)string.Join("\n", refusal.Problems) : refusal.Problems },
        statusCode: refusal.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);

    private static async Task<(List<TransformationRevision>? Revisions, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, Results.Json(new { detail = $"The body is not valid JSON: {e.Message}" }, statusCode: 422));
        }
        var items = body switch
        {
            JsonArray array => array.ToList(),
            JsonObject obj => [obj],
            _ => [],
        };
        if (items.Count == 0)
        {
            return (null, Results.Json(new { detail = "The body must be a transformation object or a non-empty list of them." }, statusCode: 422));
        }
        var revisions = new List<TransformationRevision>();
        var problems = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                revisions.Add(items[i] is JsonObject o
                    ? TransformationReader.Read(o, $"item {i}")
                    : throw new TransformationImportException($"item {i}", ["must be an object"]));
            }
            catch (TransformationImportException e)
            {
                problems.Add(e.Message);
            }
        }
        return problems.Count > 0 ? (null, Results.Json(new { detail = problems }, statusCode: 422)) : (revisions, null);
    }
}
