using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.Core.Security;
using Runwire.DataAdapters.Frames;

namespace Runwire.DataAdapters.Protocol;

/// <summary>
/// Serves every built-in adapter through hetida's generic REST protocol under <c>/adapters/{adapterId}</c>, so hetida's
/// runtime (or Runwire's executor) can register it by URL: browsing endpoints answer JSON, data endpoints stream
/// line-delimited JSON records, POST endpoints take JSON record arrays, attrs travel in <c>Data-Attributes</c>.
/// </summary>
public static class ProtocolEndpoints
{
    public const string Prefix = "/adapters/{adapterId}";

    public static IEndpointRouteBuilder MapAdapterProtocol(this IEndpointRouteBuilder app)
    {
        // Browsing and loading need the read role; every POST writes (files, SQL rows, metadata) and needs admin.
        var group = app.MapGroup(Prefix);
        var reads = group.MapGroup("").RequireAuthorization(AccessRoles.Read);
        var writes = group.MapGroup("").RequireAuthorization(AccessRoles.Admin);
        reads.MapGet("/info", (string adapterId, ProtocolAdapters adapters) => With(adapters, adapterId, a => Json(a.Info)))
            .WithSummary("The adapter's id, name and version.").Produces<InfoResponse>(200).Produces<ErrorResponse>(404);
        reads.MapGet("/structure", (string adapterId, string? parentId, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => a.Structure(parentId) is { } s ? Json(s) : NotFound($"Could not find thing node {parentId} in {a.Id}.")))
            .WithSummary("The thing nodes, sources and sinks one level below parentId (the roots without it).")
            .Produces<StructureResponse>(200).Produces<ErrorResponse>(404);
        reads.MapGet("/sources", (string adapterId, string? filter, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => { var s = a.Sources(filter); return Json(new SourcesResponse(s.Count, s)); }))
            .WithSummary("All sources, optionally those whose path contains filter.").Produces<SourcesResponse>(200).Produces<ErrorResponse>(404);
        reads.MapGet("/sinks", (string adapterId, string? filter, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => { var s = a.Sinks(filter); return Json(new SinksResponse(s.Count, s)); }))
            .WithSummary("All sinks, optionally those whose path contains filter.").Produces<SinksResponse>(200).Produces<ErrorResponse>(404);
        reads.MapGet("/sources/{**rest}", (string adapterId, string rest, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => Browse(rest, a.FindSource, "source", a.Id)))
            .WithSummary("One source by id.").Produces<StructureItem>(200).Produces<ErrorResponse>(400).Produces<ErrorResponse>(404);
        reads.MapGet("/sinks/{**rest}", (string adapterId, string rest, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => Browse(rest, a.FindSink, "sink", a.Id)))
            .WithSummary("One sink by id.").Produces<StructureItem>(200).Produces<ErrorResponse>(400).Produces<ErrorResponse>(404);
        reads.MapGet("/thingNodes/{**rest}", (string adapterId, string rest, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => Browse(rest, a.FindThingNode, "thing node", a.Id)))
            .WithSummary("One thing node by id.").Produces<ThingNode>(200).Produces<ErrorResponse>(400).Produces<ErrorResponse>(404);
        writes.MapPost("/{kind}/{**rest}", (string adapterId, string kind, string rest, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => NotFound($"The {a.Id} keeps no metadata.")))
            .WithSummary("Metadata writes: the built-in adapters keep no metadata.").Produces<ErrorResponse>(404);
        reads.MapGet("/timeseries", (string adapterId, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => NotFound($"The {a.Id} offers no timeseries sources.")))
            .WithSummary("Timeseries: the built-in adapters offer none.").Produces<ErrorResponse>(404);
        writes.MapPost("/timeseries", (string adapterId, ProtocolAdapters adapters) =>
            With(adapters, adapterId, a => NotFound($"The {a.Id} offers no timeseries sinks.")))
            .WithSummary("Timeseries: the built-in adapters offer none.").Produces<ErrorResponse>(404);
        reads.MapGet("/dataframe", (string adapterId, HttpContext http, ProtocolAdapters adapters) => LoadAsync(adapters, adapterId, "dataframe", http))
            .WithSummary("A source's data frame as JSON lines (query id; filters as further query parameters).")
            .Produces(200, contentType: "application/x-ndjson").Produces<ErrorResponse>(400).Produces<ErrorResponse>(404);
        reads.MapGet("/multitsframe", (string adapterId, HttpContext http, ProtocolAdapters adapters) => LoadAsync(adapters, adapterId, "multitsframe", http))
            .WithSummary("A source's multitsframe as JSON lines (query id; filters as further query parameters).")
            .Produces(200, contentType: "application/x-ndjson").Produces<ErrorResponse>(400).Produces<ErrorResponse>(404);
        writes.MapPost("/dataframe", (string adapterId, HttpContext http, ProtocolAdapters adapters) => SendAsync(adapters, adapterId, "dataframe", http))
            .WithSummary("Write a data frame (JSON records) to a sink (query id).")
            .Accepts<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>>("application/json", "*/*").Produces(200).Produces<ErrorResponse>(400).Produces<ErrorResponse>(404).Produces<ErrorResponse>(413);
        writes.MapPost("/multitsframe", (string adapterId, HttpContext http, ProtocolAdapters adapters) => SendAsync(adapters, adapterId, "multitsframe", http))
            .WithSummary("Write a multitsframe (JSON records) to a sink (query id).")
            .Accepts<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>>("application/json", "*/*").Produces(200).Produces<ErrorResponse>(400).Produces<ErrorResponse>(404).Produces<ErrorResponse>(413);
        return app;
    }

    internal static async Task<IResult> LoadAsync(ProtocolAdapters adapters, string adapterId, string type, HttpContext http)
    {
        if (adapters.Find(adapterId) is not { } adapter)
        {
            return UnknownAdapter(adapterId);
        }
        var query = http.Request.Query;
        var ids = query["id"];
        if (ids.Count != 1 || string.IsNullOrEmpty(ids[0]))
        {
            return BadRequest($"GET /{type} needs exactly one id.");
        }
        var filters = Filters(query, "id");
        if (type == "multitsframe")
        {
            Rename(filters, "from", "timestampFrom");
            Rename(filters, "to", "timestampTo");
        }
        if (adapter.FindSource(ids[0]!) is not { } source || source.Type != type)
        {
            return NotFound($"Could not find {type} source {ids[0]} in {adapter.Id}.");
        }
        DataFrame frame;
        try
        {
            frame = await adapter.LoadFrameAsync(ids[0]!, type, filters, http.RequestAborted).ConfigureAwait(false);
        }
        catch (AdapterException e)
        {
            return BadRequest(e.Message);
        }
        if (frame.Attrs.Count > 0)
        {
            http.Response.Headers[DataAttributes.Header] = DataAttributes.Encode(frame.Attrs);
        }
        return new RecordsResult(frame);
    }

    internal static async Task<IResult> SendAsync(ProtocolAdapters adapters, string adapterId, string type, HttpContext http)
    {
        if (adapters.Find(adapterId) is not { } adapter)
        {
            return UnknownAdapter(adapterId);
        }
        var id = http.Request.Query["id"].ToString();
        if (adapter.FindSink(id) is not { } sink || sink.Type != type)
        {
            return NotFound($"Could not find {type} sink {id} in {adapter.Id}.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = adapters.MaxBodyBytes;
        }
        try
        {
            var body = await ReadBodyAsync(http.Request, adapters.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
            var (names, columns) = RecordsReader.Read(body);
            var attrs = DataAttributes.Decode(http.Request.Headers[DataAttributes.Header]);
            var frame = new DataFrame(Column.Range(columns.Count == 0 ? 0 : columns[0].Length), names, columns, attrs);
            var context = new AdapterContext(Guid.NewGuid(), Guid.Empty);
            await adapter.SendFrameAsync(id, type, frame, Filters(http.Request.Query, "id"), context, http.RequestAborted).ConfigureAwait(false);
            return TypedResults.Ok();
        }
        catch (AdapterException e)
        {
            return BadRequest(e.Message);
        }
        catch (JsonException e)
        {
            return BadRequest("The body is not a JSON array of records: " + e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(adapters.MaxBodyBytes);
        }
        catch (InvalidDataException)
        {
            return TooLarge(adapters.MaxBodyBytes);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                throw new InvalidDataException();
            }
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static IResult Browse<T>(string rest, Func<string, T?> find, string what, string adapter) where T : class
    {
        // ids may contain slashes (sql-adapter), so the metadata suffix is found from the end
        var at = rest.LastIndexOf("/metadata", StringComparison.Ordinal);
        if (at >= 0 && (rest.Length == at + 9 || rest[at + 9] == '/'))
        {
            var key = rest.Length > at + 10 ? rest[(at + 10)..] : "";
            return key.Length == 0 ? Json(Array.Empty<object>()) : NotFound($"The {adapter} keeps no metadata.");
        }
        return find(rest) is { } item ? Json(item) : NotFound($"Could not find {what} {rest} in {adapter}.");
    }

    private static Dictionary<string, string> Filters(IQueryCollection query, string except) =>
        query.Where(q => q.Key != except).ToDictionary(q => q.Key, q => q.Value.ToString());

    private static void Rename(Dictionary<string, string> filters, string from, string to)
    {
        if (filters.Remove(from, out var value))
        {
            filters[to] = value;
        }
    }

    private static IResult With(ProtocolAdapters adapters, string adapterId, Func<IProtocolAdapter, IResult> handle) =>
        adapters.Find(adapterId) is { } adapter ? handle(adapter) : UnknownAdapter(adapterId);

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, ProtocolJson.Default.Options);

    private static JsonHttpResult<ErrorResponse> UnknownAdapter(string id) => NotFound($"No adapter {id} is served here.");

    private static JsonHttpResult<ErrorResponse> NotFound(string detail) => TypedResults.Json(new ErrorResponse(detail), ProtocolJson.Default.ErrorResponse, statusCode: 404);

    private static JsonHttpResult<ErrorResponse> BadRequest(string detail) => TypedResults.Json(new ErrorResponse(detail), ProtocolJson.Default.ErrorResponse, statusCode: 400);

    private static JsonHttpResult<ErrorResponse> TooLarge(long limit) =>
        TypedResults.Json(new ErrorResponse($"The body is larger than the limit of {limit} bytes (Runwire:Adapters:MaxBodyBytes)."), ProtocolJson.Default.ErrorResponse, statusCode: 413);
}
