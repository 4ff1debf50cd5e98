using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.WebConsole.Rendering;

/// <summary>A rendered output: a scalar's text, a figure's Plotly JSON, and for frames a page of the table.</summary>
public sealed record OutputView(string Name, string Type, string? Text, string? Figure, TableView? Table);

/// <summary>One page of a table and where it stands in the whole.</summary>
public sealed record TableView(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int Offset, int Total);

/// <summary>One <c>measured_steps</c> entry, placed on the job's time line (fractions of the whole).</summary>
public sealed record StepView(string Key, string Name, double Seconds, double Left, double Width);

/// <summary>The parts of a result the job page shows, read from the result's JSON.</summary>
public sealed class ResultView
{
    public const int PageRows = 20;

    private ResultView(JsonObject result) => Root = result;

    public JsonObject Root { get; }

    public JsonObject? Error => Root["error"] as JsonObject;

    public string? Traceback => Root["traceback"]?.GetValueKind() == JsonValueKind.String ? Root["traceback"]!.GetValue<string>() : null;

    public static ResultView? Parse(byte[]? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(json) is JsonObject o ? new ResultView(o) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public IReadOnlyList<StepView> Steps()
    {
        var steps = (Root["measured_steps"] as JsonObject)?
            .Where(p => p.Value is JsonObject)
            .Select(p => (p.Key, Name: p.Value!["name"]?.ToString() ?? p.Key, Start: Time(p.Value["start"]), End: Time(p.Value["end"])))
            .Where(s => s.Start is not null && s.End is not null)
            .ToList() ?? [];
        if (steps.Count == 0)
        {
            return [];
        }
        var first = steps.Min(s => s.Start!.Value);
        var total = Math.Max(1e-9, (steps.Max(s => s.End!.Value) - first).TotalSeconds);
        return [.. steps.OrderBy(s => s.Start).Select(s => new StepView(s.Key, s.Name, (s.End!.Value - s.Start!.Value).TotalSeconds,
            (s.Start!.Value - first).TotalSeconds / total, (s.End.Value - s.Start.Value).TotalSeconds / total))];
    }

    public IReadOnlyList<OutputView> Outputs(string? pagedOutput, int offset)
    {
        var values = Root["output_results_by_output_name"] as JsonObject;
        var types = Root["output_types_by_output_name"] as JsonObject;
        if (values is null)
        {
            return [];
        }
        return [.. values.Select(p =>
        {
            var type = types?[p.Key]?.ToString() ?? "ANY";
            return Render(p.Key, type, p.Value, p.Key == pagedOutput ? offset : 0);
        })];
    }

    private static OutputView Render(string name, string type, JsonNode? value, int offset)
    {
        var (wrapped, data) = Unwrap(value);
        switch (type)
        {
            case "PLOTLYJSON" when value is JsonObject figure:
                return new OutputView(name, type, null, figure.ToJsonString(), null);
            case "SERIES" when SeriesOf(data) is { } series:
                return new OutputView(name, type, null, Figure(name, [Trace(name, series.Index, series.Values)]), Table(["index", name],
                    [.. series.Index.Zip(series.Values, (i, v) => (IReadOnlyList<string>)[i, Text(v)])], offset));
            case "DATAFRAME" or "MULTITSFRAME" when FrameOf(data) is { } frame:
                return new OutputView(name, type, null, FrameFigure(name, frame), Table(["index", .. frame.Columns],
                    [.. frame.Index.Select((i, r) => (IReadOnlyList<string>)[i, .. frame.Cells.Select(c => Text(c[r]))])], offset));
            default:
                _ = wrapped;
                return new OutputView(name, type, value is JsonValue ? Text(value) : value?.ToJsonString(JsonShortener.Indented) ?? "null",
                    null, null);
        }
    }

    private static (bool Wrapped, JsonNode? Data) Unwrap(JsonNode? value) =>
        value is JsonObject o && o.ContainsKey("__hd_wrapped_data_object__") ? (true, o["__data__"]) : (false, value);

    private sealed record Series(List<string> Index, List<JsonNode?> Values);

    private sealed record Frame(List<string> Index, List<string> Columns, List<List<JsonNode?>> Cells);

    private static Series? SeriesOf(JsonNode? data) => data switch
    {
        // orient="split"
        JsonObject o when o["index"] is JsonArray index && o["data"] is JsonArray values =>
            new Series([.. index.Select(Text)], [.. values]),
        JsonObject o => new Series([.. o.Select(p => p.Key)], [.. o.Select(p => p.Value)]),
        JsonArray a => new Series([.. Enumerable.Range(0, a.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))], [.. a]),
        _ => null,
    };

    private static Frame? FrameOf(JsonNode? data)
    {
        if (data is not JsonObject columns)
        {
            return null;
        }
        var index = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            foreach (var row in column.Value as JsonObject ?? [])
            {
                if (seen.Add(row.Key))
                {
                    index.Add(row.Key);
                }
            }
        }
        var cells = columns.Select(c => index.Select(i => (c.Value as JsonObject)?[i]).ToList()).ToList();
        return new Frame(index, [.. columns.Select(c => c.Key)], cells);
    }

    private static TableView Table(List<string> columns, List<IReadOnlyList<string>> rows, int offset)
    {
        offset = Math.Clamp(offset, 0, Math.Max(0, rows.Count - 1));
        return new TableView(columns, rows.Skip(offset).Take(PageRows).ToList(), offset, rows.Count);
    }

    private static string FrameFigure(string name, Frame frame)
    {
        var timestamp = frame.Columns.IndexOf("timestamp");
        var metric = frame.Columns.IndexOf("metric");
        var value = frame.Columns.IndexOf("value");
        if (timestamp >= 0 && metric >= 0 && value >= 0)
        {
            // MULTITSFRAME's long format: one line per metric.
            var traces = Enumerable.Range(0, frame.Index.Count)
                .GroupBy(r => Text(frame.Cells[metric][r]), StringComparer.Ordinal)
                .Select(g => Trace(g.Key, [.. g.Select(r => Text(frame.Cells[timestamp][r]))], [.. g.Select(r => frame.Cells[value][r])]));
            return Figure(name, [.. traces]);
        }
        var numeric = Enumerable.Range(0, frame.Columns.Count)
            .Where(c => frame.Cells[c].Any(v => v?.GetValueKind() == JsonValueKind.Number))
            .Select(c => Trace(frame.Columns[c], frame.Index, frame.Cells[c]));
        return Figure(name, [.. numeric]);
    }

    private static JsonObject Trace(string name, List<string> x, List<JsonNode?> y) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines",
        ["name"] = name,
        ["x"] = new JsonArray([.. x.Select(v => JsonValue.Create(v))]),
        ["y"] = new JsonArray([.. y.Select(v => v?.GetValueKind() == JsonValueKind.Number ? v.DeepClone() : null)]),
    };

    private static string Figure(string title, List<JsonObject> traces) =>
        new JsonObject { ["data"] = new JsonArray([.. traces]), ["layout"] = new JsonObject { ["title"] = new JsonObject { ["text"] = title } } }.ToJsonString();

    private static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is not null && DateTimeOffset.TryParse(node.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;
}
