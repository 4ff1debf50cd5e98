using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.DataAdapters.Frames;

/// <summary>
/// Reads JSON records, line-delimited (what the protocol's GET endpoints stream) or as one array (what POST bodies
/// carry), into columns the way <c>pandas.read_json</c> types them, including its default date conversion of
/// columns named like dates (<c>timestamp…</c>, <c>…_at</c>, <c>…_time</c>, <c>date</c>, <c>datetime</c>, <c>modified</c>).
/// </summary>
internal static class RecordsReader
{
    public static (List<string> Names, List<Column> Columns) Read(ReadOnlySpan<byte> json)
    {
        var builders = new Dictionary<string, ColumnBuilder>();
        var order = new List<string>();
        var rows = 0;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 64 });
        var inArray = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray when !inArray && reader.CurrentDepth == 0:
                    inArray = true;
                    continue;
                case JsonTokenType.EndArray when inArray && reader.CurrentDepth == 0:
                    inArray = false;
                    continue;
                case JsonTokenType.StartObject:
                    ReadRecord(ref reader, builders, order, rows);
                    rows++;
                    foreach (var b in builders.Values)
                    {
                        while (b.Count < rows)
                        {
                            b.AddMissing();
                        }
                    }
                    continue;
                default:
                    throw new JsonException($"Expected a JSON object per record, got {reader.TokenType}.");
            }
        }
        var columns = order.Select(name => DateLike(name) ? ToDates(builders[name].Build()) : builders[name].Build()).ToList();
        return (order, columns);
    }

    public static bool DateLike(string name) =>
        name.StartsWith("timestamp", StringComparison.Ordinal) || name.EndsWith("_at", StringComparison.Ordinal)
        || name.EndsWith("_time", StringComparison.Ordinal) || name is "modified" or "date" or "datetime";

    /// <summary>A column of timestamp texts as datetime64 when every text parses (pandas keeps it otherwise).</summary>
    public static Column ToDates(Column column)
    {
        if (column is not ObjectColumn objects)
        {
            return column;
        }
        var ticks = new long[objects.Length];
        bool? utc = null;
        for (var i = 0; i < ticks.Length; i++)
        {
            switch (objects.Values[i])
            {
                case null:
                    ticks[i] = DateTimeColumn.NaT;
                    break;
                case string s when Timestamps.TryParse(s, out var t, out var zoned) && (utc ?? zoned) == zoned:
                    ticks[i] = t;
                    utc = zoned;
                    break;
                default:
                    return column;
            }
        }
        return new DateTimeColumn(ticks, utc ?? false);
    }

    private static void ReadRecord(ref Utf8JsonReader reader, Dictionary<string, ColumnBuilder> builders, List<string> order, int row)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!builders.TryGetValue(name, out var builder))
            {
                builder = new ColumnBuilder();
                for (var i = 0; i < row; i++)
                {
                    builder.AddMissing();
                }
                builders[name] = builder;
                order.Add(name);
            }
            if (builder.Count > row)
            {
                reader.Skip();
                continue;
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.Number when reader.TryGetInt64(out var l):
                    builder.Add(l);
                    break;
                case JsonTokenType.Number:
                    builder.Add(reader.GetDouble());
                    break;
                case JsonTokenType.String:
                    builder.Add(reader.GetString()!);
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    builder.Add(reader.GetBoolean());
                    break;
                case JsonTokenType.Null:
                    builder.AddMissing();
                    break;
                default:
                    var node = JsonNode.Parse(ref reader)!;
                    builder.AddObjectNode(node);
                    break;
            }
        }
    }
}
