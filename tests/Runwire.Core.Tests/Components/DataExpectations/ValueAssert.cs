using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.DataExpectations;

/// <summary>Compares engine values with the generator's expected values; floats within a relative tolerance.</summary>
internal static class ValueAssert
{
    public static void Matches(JsonNode? expected, object? actual, double tolerance, string path)
    {
        var obj = expected!.AsObject();
        var (tag, value) = obj.First(p => p.Key != "utc");
        switch (tag)
        {
            case "series":
                var s = Assert.IsType<Series>(actual, exactMatch: false);
                var es = value!.AsObject();
                ColumnMatches(es["index"]!, s.Index, tolerance, path + ".index");
                ColumnMatches(es["values"]!, s.Values, tolerance, path + ".values");
                Assert.True(es["name"]?.GetValue<string>() == s.Name, $"{path}.name: expected {es["name"]}, got {s.Name}");
                JsonMatches(es["attrs"], s.Attrs, path + ".attrs");
                break;
            case "frame":
                var f = Assert.IsType<DataFrame>(actual, exactMatch: false);
                var ef = value!.AsObject();
                ColumnMatches(ef["index"]!, f.Index, tolerance, path + ".index");
                var columns = ef["columns"]!.AsArray();
                Assert.Equal(columns.Select(c => c![0]!.GetValue<string>()).ToArray(), f.ColumnNames.ToArray());
                for (var i = 0; i < columns.Count; i++)
                {
                    ColumnMatches(columns[i]![1]!, f.Columns[i], tolerance, $"{path}[{f.ColumnNames[i]}]");
                }
                JsonMatches(ef["attrs"], f.Attrs, path + ".attrs");
                break;
            case "ndarray":
                var array = Assert.IsType<double[]>(actual);
                var expectedArray = value!.AsArray().Select(TestValues.Float).ToArray();
                Assert.Equal(expectedArray.Length, array.Length);
                for (var i = 0; i < array.Length; i++)
                {
                    FloatMatches(expectedArray[i], array[i], tolerance, $"{path}[{i}]");
                }
                break;
            case "float":
                FloatMatches(TestValues.Float(value), Assert.IsType<double>(actual), tolerance, path);
                break;
            case "json":
                JsonMatches(value, Assert.IsType<JsonNode>(actual, exactMatch: false), path);
                break;
            default:
                Assert.Equal(TestValues.Decode(expected), actual);
                break;
        }
    }

    public static void ColumnMatches(JsonNode expected, Column actual, double tolerance, string path)
    {
        var decoded = TestValues.DecodeColumn(expected);
        Assert.True(decoded.Kind == actual.Kind, $"{path}: expected kind {decoded.Kind}, got {actual.Kind}");
        Assert.True(decoded.Length == actual.Length, $"{path}: expected length {decoded.Length}, got {actual.Length}");
        if (decoded is DateTimeColumn dd)
        {
            var ad = (DateTimeColumn)actual;
            Assert.True(dd.IsUtc == ad.IsUtc, $"{path}: expected utc={dd.IsUtc}");
            Assert.Equal(dd.Ticks, ad.Ticks);
            return;
        }
        for (var i = 0; i < decoded.Length; i++)
        {
            var (e, a) = (decoded.GetValue(i), actual.GetValue(i));
            if (e is double ed && a is double ad2)
            {
                FloatMatches(ed, ad2, tolerance, $"{path}[{i}]");
            }
            else if (e is JsonNode en)
            {
                JsonMatches(en, a as JsonNode, $"{path}[{i}]");
            }
            else
            {
                Assert.True(Equals(e, a), $"{path}[{i}]: expected {e ?? "None"} ({e?.GetType().Name}), got {a ?? "None"} ({a?.GetType().Name})");
            }
        }
    }

    public static void FloatMatches(double expected, double actual, double tolerance, string path)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
            return;
        }
        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{path}: expected {expected:R}, got {actual:R}");
    }

    public static void JsonMatches(JsonNode? expected, JsonNode? actual, string path)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        Assert.True(e == a, $"{path}: expected {e}, got {a}");
    }

    // Numbers compare by value: JSON cannot say whether 1 was a Python int or float once .NET wrote it.
    private static string Normalize(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.Select(p => $"{JsonSerializer.Serialize(p.Key)}:{Normalize(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Normalize)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number =>
            double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
