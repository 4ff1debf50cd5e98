using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs.Json;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// hetida's <c>MetaDataWrapped</c> model (pydantic v1): <c>__hd_wrapped_data_object__</c> "SERIES" or "DATAFRAME",
/// a dict <c>__metadata__</c>, a dict or list <c>__data__</c>, an optional dict <c>__data_parsing_options__</c>;
/// other keys are ignored. Only text input is checked for the expected kind (<c>try_parse_wrapped</c>).
/// </summary>
internal static class MetaDataWrapper
{
    public static WrappedData? TryRead(JsonTape tape, string expectedKind, bool checkKind)
    {
        if (tape.Kind(JsonTape.Root) != TapeKind.Object)
        {
            return null;
        }
        var kind = TapeObjects.Find(tape, JsonTape.Root, "__hd_wrapped_data_object__"u8);
        if (kind < 0)
        {
            // Plain data (a series' thousands of timestamps): one scan of its keys, not four.
            return null;
        }
        var metadata = TapeObjects.Find(tape, JsonTape.Root, "__metadata__"u8);
        var data = TapeObjects.Find(tape, JsonTape.Root, "__data__"u8);
        var options = TapeObjects.Find(tape, JsonTape.Root, "__data_parsing_options__"u8);
        if (kind < 0 || tape.Kind(kind) != TapeKind.String || metadata < 0 || data < 0)
        {
            return null;
        }
        var kindName = tape.GetString(kind);
        if (kindName is not ("SERIES" or "DATAFRAME") || (checkKind && kindName != expectedKind))
        {
            return null;
        }
        var metadataDict = PyDict.FromJson(PyJson.ToNode(tape, metadata));
        var optionsDict = options < 0 ? [] : PyDict.FromJson(PyJson.ToNode(tape, options));
        if (metadataDict is null || optionsDict is null)
        {
            return null;
        }
        return tape.Kind(data) switch
        {
            TapeKind.Object => new WrappedData(tape, data, metadataDict, optionsDict),
            TapeKind.Array => PairsAsDict(tape, data, metadataDict, optionsDict),
            _ => null,
        };
    }

    // pydantic tries `dict` before `list` for `__data__`, and dict() accepts a list of key/value pairs.
    private static WrappedData PairsAsDict(JsonTape tape, int data, JsonObject metadata, JsonObject options)
    {
        var first = data + 1;
        var plausible = tape.Count(data) > 0
            && (tape.Kind(first) == TapeKind.Array && tape.Count(first) == 2 || tape.Kind(first) == TapeKind.String);
        if (plausible && PyDict.FromJson(PyJson.ToNode(tape, data)) is { } dict)
        {
            var dictTape = JsonTape.TryParse(Encoding.UTF8.GetBytes(dict.ToJsonString()))!;
            return new WrappedData(dictTape, JsonTape.Root, metadata, options);
        }
        return new WrappedData(tape, data, metadata, options);
    }
}
