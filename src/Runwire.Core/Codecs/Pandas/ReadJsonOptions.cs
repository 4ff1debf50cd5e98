using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// The keyword arguments of <c>pandas.read_json</c> that a wrapper's <c>__data_parsing_options__</c> may set and
/// Runwire follows: <c>orient</c>, <c>dtype</c> (bool), <c>convert_axes</c>, <c>convert_dates</c> (bool or column
/// names), <c>keep_default_dates</c>, <c>date_unit</c> and <c>precise_float</c> (always precise here). Other options,
/// and <c>orient="table"</c>, are refused like a failing read_json.
/// </summary>
internal sealed record ReadJsonOptions
{
    public static ReadJsonOptions Default { get; } = new();

    public string? Orient { get; init; }

    public bool Dtype { get; init; } = true;

    public bool ConvertAxes { get; init; } = true;

    public bool ConvertDates { get; init; } = true;

    public IReadOnlyList<string> DateColumns { get; init; } = [];

    public bool KeepDefaultDates { get; init; } = true;

    public DateUnits Units { get; init; } = DateUnits.All;

    public bool IsSplit => Orient == "split";

    public static ReadJsonOptions From(JsonObject? options)
    {
        var result = Default;
        foreach (var (name, value) in options ?? [])
        {
            var kind = value?.GetValueKind() ?? JsonValueKind.Null;
            bool? flag = kind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
            result = (name, kind) switch
            {
                ("orient", JsonValueKind.String) when value!.GetValue<string>() != "table" => result with { Orient = value.GetValue<string>() },
                ("orient", JsonValueKind.Null) => result,
                ("dtype" or "convert_axes", JsonValueKind.Null) => result,
                ("dtype", _) when flag is { } b => result with { Dtype = b },
                ("convert_axes", _) when flag is { } b => result with { ConvertAxes = b },
                ("convert_dates", _) when flag is { } b => result with { ConvertDates = b },
                ("convert_dates", JsonValueKind.Array) => result with { ConvertDates = ((JsonArray)value!).Count > 0, DateColumns = Names((JsonArray)value!) },
                ("keep_default_dates", _) when flag is { } b => result with { KeepDefaultDates = b },
                ("precise_float", _) when flag is not null => result,
                ("date_unit", JsonValueKind.Null) => result,
                ("date_unit", JsonValueKind.String) => result with { Units = DateUnits.Of(value!.GetValue<string>()) ?? throw Unsupported(name) },
                _ => throw Unsupported(name),
            };
        }
        return result;
    }

    private static string[] Names(JsonArray names) =>
        [.. names.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : throw Unsupported("convert_dates"))];

    private static ReadJsonException Unsupported(string name) => new($"unsupported read_json option {name}");
}
