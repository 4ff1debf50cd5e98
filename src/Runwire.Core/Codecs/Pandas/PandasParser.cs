using System.Text;
using System.Text.Json;
using Runwire.Core.Codecs.Json;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// hetida's <c>PydanticPandasSeries</c>/<c>PydanticPandasDataFrame</c>: unwrap the metadata wrapper if it validates,
/// read the data with pandas' rules, put the metadata into <c>.attrs</c> (empty when unwrapped).
/// </summary>
internal static class PandasParser
{
    // hetida's message names "DataFrame" for Series too (it compares the builtin `type`, not `typ`).
    public const string CouldNotParse = "Could not parse provided input as Pandas DataFrame";

    /// <param name="text">JSON text, or any text for a Series.</param>
    /// <param name="fromText">True for string input (kind of a wrapper checked, invalid JSON read as a string);
    /// false for a JSON object/array default, which hetida validates as a Python dict/list.</param>
    public static Series ParseSeries(string text, bool fromText) =>
        Parse(text, fromText, "SERIES", SeriesReader.Read, (s, attrs) => s.WithAttrs(attrs), FromSingleString);

    public static DataFrame ParseFrame(string text, bool fromText) =>
        Parse(text, fromText, "DATAFRAME", FrameReader.Read, (f, attrs) => f.WithAttrs(attrs), null);

    private static T Parse<T>(string text, bool fromText, string kind, Func<JsonTape, int, ReadJsonOptions, T> read,
        Func<T, System.Text.Json.Nodes.JsonObject, T> withAttrs, Func<string, T>? readAsString)
    {
        var tape = JsonTape.TryParse(PyJsonText.ToUtf8(text));
        var wrapped = tape is null ? null : MetaDataWrapper.TryRead(tape, kind, checkKind: fromText);
        try
        {
            if (wrapped is not null)
            {
                return withAttrs(read(wrapped.Tape, wrapped.Data, ReadJsonOptions.From(wrapped.ParsingOptions)), wrapped.Metadata);
            }
            if (tape is not null)
            {
                return read(tape, JsonTape.Root, ReadJsonOptions.Default);
            }
        }
        catch (ReadJsonException e)
        {
            // hetida retries with json.dumps(data): for wrapped or dict/list input that is the same data, so it fails again
            if (wrapped is not null || !fromText || readAsString is null)
            {
                throw new ValueParseException(CouldNotParse, e);
            }
        }
        // read_json failed on the text, so hetida reads json.dumps(text): a JSON string, i.e. a one-element Series
        return readAsString is not null && fromText ? readAsString(text) : throw new ValueParseException(CouldNotParse);
    }

    private static Series FromSingleString(string text)
    {
        var tape = JsonTape.TryParse(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text)))
            ?? throw new ValueParseException(CouldNotParse);
        return SeriesReader.Read(tape, JsonTape.Root, ReadJsonOptions.Default);
    }
}
