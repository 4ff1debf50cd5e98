using System.Net;
using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.DataAdapters.Frames;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.GenericRest;

/// <summary>
/// The runtime side of hetida's generic REST adapter protocol (generic_rest/): loads metadata, timeseries (grouped by
/// identical filters and type into one request), dataframes and multitsframes, and sends them back, with hetida's
/// wiring checks, status handling and messages. <c>series(…)</c> wirings are accepted and, as in hetida, neither loaded nor sent.
/// </summary>
public sealed partial class RestAdapterClient(RestAdapterOptions options, HttpClient http) : ISourceAdapter, ISinkAdapter
{
    public string Key => options.Id;

    public async Task<IReadOnlyDictionary<string, object?>> LoadAsync(
        IReadOnlyList<SourceRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        var types = WiringChecks.RefIdsAndTypes([.. requests.Select(r => (r.Wiring.RefId, r.Wiring.Type))]);
        var loaded = new Dictionary<string, object?>();
        var timeseries = new List<(InputWiring Wiring, string Type)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var wiring = requests[i].Wiring;
            switch (ExternalTypes.GeneralType(types[i]))
            {
                case "metadata":
                    WiringChecks.Metadatum(wiring.RefIdType, wiring.RefKey);
                    loaded[wiring.WorkflowInputName] = await LoadMetadatumAsync(wiring, types[i], cancellationToken).ConfigureAwait(false);
                    break;
                case "timeseries":
                    timeseries.Add((wiring, types[i]));
                    break;
                case "dataframe":
                    var frame = await GetFrameAsync("dataframe", [wiring.RefId!], [.. wiring.Filters], cancellationToken).ConfigureAwait(false);
                    loaded[wiring.WorkflowInputName] = TimestampIndexed(frame);
                    break;
                case "multitsframe":
                    loaded[wiring.WorkflowInputName] = await LoadMultiTsFrameAsync(wiring, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        foreach (var (name, series) in await LoadTimeseriesAsync(timeseries, cancellationToken).ConfigureAwait(false))
        {
            loaded[name] = series;
        }
        return loaded;
    }

    public async Task SendAsync(IReadOnlyList<SinkRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        var types = WiringChecks.RefIdsAndTypes([.. requests.Select(r => (r.Wiring.RefId, r.Wiring.Type))]);
        for (var i = 0; i < requests.Count; i++)
        {
            var wiring = requests[i].Wiring;
            var value = requests[i].Value;
            switch (ExternalTypes.GeneralType(types[i]))
            {
                case "metadata":
                    WiringChecks.Metadatum(wiring.RefIdType, wiring.RefKey);
                    await SendMetadatumAsync(wiring, value, cancellationToken).ConfigureAwait(false);
                    break;
                case "timeseries":
                    var (names, columns, rows) = RestRecords.Timeseries(value, types[i]);
                    await PostAsync("timeseries", "timeseriesId", wiring, names, columns, rows, TimestampStyle.Nanos,
                        (value as Series)?.Attrs, cancellationToken).ConfigureAwait(false);
                    break;
                case "dataframe":
                    var frame = WiringChecks.RequireFrame(value);
                    await PostAsync("dataframe", "id", wiring, frame.ColumnNames, frame.Columns, frame.RowCount, TimestampStyle.Iso,
                        frame.Attrs, cancellationToken).ConfigureAwait(false);
                    break;
                case "multitsframe":
                    var multi = RestRecords.MultiTsFrame(value);
                    await PostAsync("multitsframe", "id", wiring, multi.ColumnNames, multi.Columns, multi.RowCount, TimestampStyle.Nanos,
                        multi.Attrs, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task<DataFrame> LoadMultiTsFrameAsync(InputWiring wiring, CancellationToken ct)
    {
        var filters = FromTo(wiring.Filters, "MultiTSFrame data with no to/from filters.");
        var frame = await GetFrameAsync("multitsframe", [wiring.RefId!], filters, ct).ConfigureAwait(false);
        try
        {
            return MultiTsFrames.Validate(frame);
        }
        catch (ArgumentException e)
        {
            throw new AdapterException(WiringChecks.Handling, e.Message, e);
        }
    }

    /// <summary>hetida renames timestampFrom/timestampTo to from/to and keeps the other filters as query parameters.</summary>
    private static List<KeyValuePair<string, string>> FromTo(IReadOnlyDictionary<string, string> filters, string missing)
    {
        if (!filters.TryGetValue("timestampFrom", out var from) || !filters.TryGetValue("timestampTo", out var to))
        {
            throw new AdapterException(WiringChecks.WiringInvalid, missing);
        }
        return [.. filters.Where(f => f.Key is not ("timestampFrom" or "timestampTo")), new("from", from), new("to", to)];
    }

    /// <summary>A <c>timestamp</c> column that parses becomes the sorted index; the column stays.</summary>
    private static DataFrame TimestampIndexed(DataFrame frame)
    {
        var i = frame.IndexOf("timestamp");
        if (i < 0 || frame.RowCount == 0 || frame.Columns[i] is not DateTimeColumn stamps)
        {
            return frame;
        }
        return new DataFrame(stamps, frame.ColumnNames, frame.Columns, frame.Attrs).SortIndex();
    }

    private static string Query(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private static bool Ok(HttpStatusCode status) => status is HttpStatusCode.OK or HttpStatusCode.Created;
}
