using Runwire.Core.Adapters;
using Runwire.Core.Data;

namespace Runwire.DataAdapters.Protocol;

/// <summary>
/// A built-in adapter described in the terms of hetida's generic REST protocol: browsing (info, structure, sources,
/// sinks, thing nodes) and framelike data. The same object serves the protocol endpoints and in-process jobs, so a job
/// behaves the same whether the engine calls the adapter directly or through the adapters service.
/// Failures are <see cref="AdapterException"/>s with hetida's type names.
/// </summary>
public interface IProtocolAdapter
{
    /// <summary>The adapter id wirings use (<c>local-file-adapter</c>, <c>sql-adapter</c>).</summary>
    string Id { get; }

    InfoResponse Info { get; }

    /// <summary>The root thing nodes (parentId null) or one level below a thing node; null for an unknown parent.</summary>
    StructureResponse? Structure(string? parentId);

    IReadOnlyList<StructureItem> Sources(string? filter);

    IReadOnlyList<StructureItem> Sinks(string? filter);

    StructureItem? FindSource(string id);

    StructureItem? FindSink(string id);

    ThingNode? FindThingNode(string id);

    /// <summary>Loads a <c>dataframe</c> or <c>multitsframe</c> source (multitsframes read timestampFrom/timestampTo from the filters).</summary>
    Task<DataFrame> LoadFrameAsync(string id, string externalType, IReadOnlyDictionary<string, string> filters, CancellationToken ct);

    /// <summary>Writes a <c>dataframe</c> or <c>multitsframe</c> to a sink.</summary>
    Task SendFrameAsync(string id, string externalType, DataFrame frame, IReadOnlyDictionary<string, string> filters, AdapterContext context, CancellationToken ct);
}
