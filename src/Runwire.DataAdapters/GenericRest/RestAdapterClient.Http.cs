using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.DataAdapters.Frames;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.GenericRest;

// The HTTP exchanges, one method per kind of request, with hetida's failure messages.
public sealed partial class RestAdapterClient
{
    private async Task<DataFrame> GetFrameAsync(string endpoint, IReadOnlyList<string> ids, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken ct)
    {
        var url = options.Url(endpoint);
        var query = Query(ids.Select(id => KeyValuePair.Create("id", id)).Concat(parameters));
        try
        {
            using var response = await http.GetAsync(url + "?" + query, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var body = await ReadLimitedAsync(response.Content, url, ct).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound && IsResultEmpty(body))
            {
                return DataFrame.Empty();
            }
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new AdapterException(WiringChecks.Connection,
                    $"Requesting framelike data from generic rest adapter endpoint {url} failed. Status code: {(int)response.StatusCode}. Text: {Text(body)}");
            }
            List<string> names;
            List<Column> columns;
            try
            {
                (names, columns) = RecordsReader.Read(body);
            }
            catch (JsonException e)
            {
                throw new AdapterException(WiringChecks.Handling, $"Could not read the records from generic rest adapter endpoint {url}: {e.Message}", e);
            }
            var attrs = DataAttributes.Decode(response.Headers.TryGetValues(DataAttributes.Header, out var values) ? values.FirstOrDefault() : null);
            return new DataFrame(Column.Range(columns.Count == 0 ? 0 : columns[0].Length), names, columns, attrs);
        }
        catch (HttpRequestException e)
        {
            throw new AdapterException(WiringChecks.Connection,
                $"Requesting framelike data from generic rest adapter endpoint {url} failed with Exception {e.Message}", e);
        }
    }

    private async Task<Dictionary<string, Series>> LoadTimeseriesAsync(List<(InputWiring Wiring, string Type)> wirings, CancellationToken ct)
    {
        var result = new Dictionary<string, Series>();
        if (wirings.Count == 0)
        {
            return result;
        }
        var prepared = wirings.Select(w => (w.Wiring, w.Type, Filters: FromTo(w.Wiring.Filters, "Timeseries data with no to/from filters."))).ToList();
        // Sources with the same filters and type share one request, as in hetida's load_grouped_timeseries_data_together.
        foreach (var group in prepared.GroupBy(p => p.Type + "\n" + string.Join("\n", p.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value))))
        {
            var first = group.First();
            var frame = await GetFrameAsync("timeseries", [.. group.Select(g => g.Wiring.RefId!).Distinct()], first.Filters, ct).ConfigureAwait(false);
            foreach (var (wiring, type, _) in group)
            {
                result[wiring.WorkflowInputName] = RestRecords.ExtractSeries(frame, wiring.RefId!, type);
            }
        }
        return result;
    }

    private async Task<object?> LoadMetadatumAsync(InputWiring wiring, string type, CancellationToken ct)
    {
        var url = MetadataUrl(wiring.RefIdType, wiring.RefId!, wiring.RefKey!);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url + (wiring.Filters.Count > 0 ? "?" + Query(wiring.Filters) : ""), ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AdapterException(WiringChecks.Connection, $"Requesting metadata data from generic rest adapter endpoint {url} failed with Exception: {e.Message}", e);
        }
        using (response)
        {
            var body = await ReadLimitedAsync(response.Content, url, ct).ConfigureAwait(false);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new AdapterException(WiringChecks.Connection,
                    $"Requesting metadata data from generic rest adapter endpoint {url} failed. Status code: {(int)response.StatusCode}. Text: {Text(body)}");
            }
            var metadatum = JsonNode.Parse(body) as JsonObject
                ?? throw new AdapterException(WiringChecks.Handling, $"Validation failure trying to parse received metadata from adapterurl {url}: {Text(body)}");
            if (metadatum["key"]?.GetValue<string>() != wiring.RefKey)
            {
                throw new AdapterException(WiringChecks.Connection,
                    $"received metadata has wrong key (not the requested one {wiring.RefKey}). Received metdatum is {Excerpt(metadatum.ToJsonString())}");
            }
            var valueType = type[(type.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
            if (metadatum["dataType"] is JsonValue dt && dt.GetValue<string>() != valueType)
            {
                throw new AdapterException(WiringChecks.Connection,
                    $"received metadata has wrong value dataType (not the requested one inside {type}). Received metdatum is {Excerpt(metadatum.ToJsonString())}");
            }
            return RestRecords.MetadatumValue(metadatum["value"], valueType);
        }
    }

    private async Task SendMetadatumAsync(OutputWiring wiring, object? value, CancellationToken ct)
    {
        var url = MetadataUrl(wiring.RefIdType, wiring.RefId!, wiring.RefKey!);
        var body = new JsonObject { ["key"] = wiring.RefKey, ["value"] = RestRecords.MetadatumJson(value) };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        await SendAsync(url + (wiring.Filters.Count > 0 ? "?" + Query(wiring.Filters) : ""), content, null, wiring.RefId!, ct).ConfigureAwait(false);
    }

    private async Task PostAsync(string endpoint, string idParameter, OutputWiring wiring, IReadOnlyList<string> names, IReadOnlyList<Column> columns,
        int rows, TimestampStyle style, JsonObject? attrs, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await new RecordsWriter(buffer, lines: false, style).WriteFrameAsync(names, columns, rows, ct).ConfigureAwait(false);
        buffer.Position = 0;
        using var content = new StreamContent(buffer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var query = Query(new[] { KeyValuePair.Create(idParameter, wiring.RefId!) }.Concat(wiring.Filters));
        await SendAsync(options.Url(endpoint) + "?" + query, content, attrs is { Count: > 0 } ? DataAttributes.Encode(attrs) : null, wiring.RefId!, ct).ConfigureAwait(false);
    }

    private async Task SendAsync(string url, HttpContent content, string? attributes, string refId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (attributes is not null)
        {
            request.Headers.Add(DataAttributes.Header, attributes);
        }
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (!Ok(response.StatusCode))
            {
                var text = Text(await ReadLimitedAsync(response.Content, url, ct).ConfigureAwait(false));
                throw new AdapterException(WiringChecks.Connection,
                    $"Failed posting framelike data to {url.Split('?')[0]} for id {refId}. Status code: {(int)response.StatusCode}. Response text: {text}");
            }
        }
        catch (HttpRequestException e)
        {
            throw new AdapterException(WiringChecks.Connection, $"Http error while posting framelike data to {url.Split('?')[0]} for id {refId}: {e.Message}", e);
        }
    }

    private string MetadataUrl(string? refIdType, string refId, string refKey)
    {
        var kind = refIdType switch { "SOURCE" => "sources", "SINK" => "sinks", _ => "thingNodes" };
        var url = options.Url($"{kind}/{Escape(refId, "ref_id")}/metadata/{Escape(refKey, "ref_key")}");
        // Segments are escaped and dot segments refused above; this is the last word on what leaves the base path.
        var path = new Uri(url).AbsolutePath;
        var basePath = options.BaseUrl.AbsolutePath.TrimEnd('/') + "/";
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            throw OutsideBasePath(refId, refKey);
        }
        return url;
    }

    /// <summary>
    /// Python's <c>urllib.parse.quote</c> (slashes stay, everything else outside the unreserved set is escaped), except that
    /// a "." or ".." segment is refused: the URL would otherwise be normalised to a path outside the adapter's base path.
    /// </summary>
    private string Escape(string text, string field)
    {
        var segments = text.Split('/');
        if (segments.Any(s => s is "." or ".."))
        {
            throw new AdapterException(WiringChecks.WiringInvalid,
                $"The {field} '{Excerpt(text)}' of a wiring to adapter '{options.Id}' contains a '.' or '..' path segment, which would leave the adapter's base URL {options.BaseUrl}.");
        }
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private AdapterException OutsideBasePath(string refId, string refKey) => new(WiringChecks.WiringInvalid,
        $"The ref_id '{Excerpt(refId)}' and ref_key '{Excerpt(refKey)}' of a wiring to adapter '{options.Id}' lead outside the adapter's base URL {options.BaseUrl}.");

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, string url, CancellationToken ct)
    {
        if (content.Headers.ContentLength > options.MaxResponseBytes)
        {
            throw TooLarge(url);
        }
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > options.MaxResponseBytes)
            {
                throw TooLarge(url);
            }
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private AdapterException TooLarge(string url) => new(WiringChecks.Handling,
        $"The answer of {url} is larger than the limit of {options.MaxResponseBytes} bytes (Runwire:Adapters:MaxResponseBytes).");

    private static bool IsResultEmpty(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && o["errorCode"] is JsonValue v && v.TryGetValue<string>(out var code) && code == "RESULT_EMPTY";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// What of an adapter's answer goes into a job's error message: a short excerpt with control characters and runs of
    /// white space made single spaces, so an adapter's error page (or whatever else it answers) is not copied into results.
    /// </summary>
    private static string Text(byte[] body) => Excerpt(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ExcerptLength * 4)), body.Length);

    internal const int ExcerptLength = 200;

    internal static string Excerpt(string text, long? totalBytes = null)
    {
        var builder = new StringBuilder(Math.Min(text.Length, ExcerptLength + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            if (builder.Length >= ExcerptLength)
            {
                return builder.Append(" … (").Append(totalBytes ?? Encoding.UTF8.GetByteCount(text)).Append(" bytes)").ToString();
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
