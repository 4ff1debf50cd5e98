using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runwire.DataAdapters.Protocol;

// The JSON shapes of hetida's generic REST adapter protocol (web_service_interface.md); camelCase on the wire.

public sealed record InfoResponse(string Id, string Name, string Version);

public sealed record ThingNode(string Id, string? ParentId, string Name, string Description);

public sealed record StructureFilter(string Name, string Type, bool Required)
{
    public static StructureFilter FreeText(string name, bool required) => new(name, "free_text", required);
}

/// <summary>A source or a sink in a structure listing (the two have the same shape).</summary>
public sealed record StructureItem(
    string Id,
    string ThingNodeId,
    string Name,
    string Type,
    string Path,
    string? MetadataKey = null,
    IReadOnlyDictionary<string, StructureFilter>? Filters = null)
{
    public bool Visible { get; init; } = true;

    public IReadOnlyDictionary<string, StructureFilter> Filters { get; init; } = Filters ?? new Dictionary<string, StructureFilter>();

    /// <summary>The items whose name or path contains <paramref name="filter"/> (ignoring case), all without one.</summary>
    public static List<StructureItem> Matching(IEnumerable<StructureItem> items, string? filter) =>
        filter is null ? [.. items]
        : [.. items.Where(x => x.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) || x.Path.Contains(filter, StringComparison.OrdinalIgnoreCase))];
}

public sealed record StructureResponse(
    string Id, string Name, IReadOnlyList<ThingNode> ThingNodes, IReadOnlyList<StructureItem> Sources, IReadOnlyList<StructureItem> Sinks);

public sealed record SourcesResponse(int ResultCount, IReadOnlyList<StructureItem> Sources);

public sealed record SinksResponse(int ResultCount, IReadOnlyList<StructureItem> Sinks);

/// <summary>An error answer: <c>detail</c> like FastAPI's HTTPException, <c>errorCode</c> for RESULT_EMPTY.</summary>
public sealed record ErrorResponse(string Detail, string? ErrorCode = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InfoResponse))]
[JsonSerializable(typeof(StructureResponse))]
[JsonSerializable(typeof(SourcesResponse))]
[JsonSerializable(typeof(SinksResponse))]
[JsonSerializable(typeof(StructureItem))]
[JsonSerializable(typeof(ThingNode))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(object[]))]
public sealed partial class ProtocolJson : JsonSerializerContext;
