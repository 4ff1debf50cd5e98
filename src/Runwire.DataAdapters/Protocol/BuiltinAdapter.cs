using Runwire.Core.Adapters;
using Runwire.Core.Contracts;

namespace Runwire.DataAdapters.Protocol;

/// <summary>
/// Runs a built-in protocol adapter in-process for the engine. Wirings are checked like hetida's generic REST client
/// checks them (ref id and type required, id from ref_key when set), so in-process and through-the-service jobs agree.
/// </summary>
public sealed class BuiltinAdapter(IProtocolAdapter adapter) : ISourceAdapter, ISinkAdapter
{
    public string Key => adapter.Id;

    public async Task<IReadOnlyDictionary<string, object?>> LoadAsync(
        IReadOnlyList<SourceRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        var types = WiringChecks.RefIdsAndTypes([.. requests.Select(r => (r.Wiring.RefId, r.Wiring.Type))]);
        var loaded = new Dictionary<string, object?>();
        for (var i = 0; i < requests.Count; i++)
        {
            var wiring = requests[i].Wiring;
            var id = wiring.RefKey ?? wiring.RefId!;
            CheckType(types[i], adapter.FindSource(id)?.Type, id, "source");
            loaded[wiring.WorkflowInputName] =
                await adapter.LoadFrameAsync(id, types[i], wiring.Filters, cancellationToken).ConfigureAwait(false);
        }
        return loaded;
    }

    public async Task SendAsync(IReadOnlyList<SinkRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        var types = WiringChecks.RefIdsAndTypes([.. requests.Select(r => (r.Wiring.RefId, r.Wiring.Type))]);
        for (var i = 0; i < requests.Count; i++)
        {
            var wiring = requests[i].Wiring;
            var id = wiring.RefKey ?? wiring.RefId!;
            CheckType(types[i], adapter.FindSink(id)?.Type, id, "sink");
            var frame = WiringChecks.RequireFrame(requests[i].Value);
            var output = context with { OutputName = wiring.WorkflowOutputName, OutputOrdinal = i };
            await adapter.SendFrameAsync(id, types[i], frame, wiring.Filters, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private void CheckType(string wired, string? offered, string id, string kind)
    {
        var general = ExternalTypes.GeneralType(wired);
        if (general is not ("dataframe" or "multitsframe"))
        {
            throw new AdapterException(WiringChecks.Handling, $"The {adapter.Id} offers no {general} data (wiring for {kind} {id} has type {wired}).");
        }
        if (offered is not null && offered != wired)
        {
            throw new AdapterException(WiringChecks.WiringInvalid, $"The {kind} {id} of {adapter.Id} has type {offered}, but the wiring has type {wired}.");
        }
    }
}
