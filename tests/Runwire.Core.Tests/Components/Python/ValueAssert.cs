using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Python;

/// <summary>
/// Compares values of the model exactly: same types, dtypes, labels, names, attrs; floats bit for bit (NaN equals NaN)
/// unless <c>ulps</c> allows that many units in the last place.
/// </summary>
internal static class ValueAssert
{
    public static void Equal(object? expected, object? actual, string path = "value", int ulps = 0)
    {
        switch (expected)
        {
            case double e:
                var a = Assert.IsType<double>(actual);
                Assert.True(SameFloat(e, a, ulps), $"{path}: expected {e:R}, got {a:R}");
                break;
            case Series e:
                var s = Assert.IsType<Series>(actual);
                ColumnEqual(e.Index, s.Index, path + ".index", 0);
                ColumnEqual(e.Values, s.Values, path + ".values", ulps);
                Assert.True(e.Name == s.Name, $"{path}.name: expected {e.Name}, got {s.Name}");
                Assert.True(JsonNode.DeepEquals(e.Attrs, s.Attrs), $"{path}.attrs: expected {e.Attrs.ToJsonString()}, got {s.Attrs.ToJsonString()}");
                break;
            case DataFrame e:
                var f = Assert.IsType<DataFrame>(actual);
                ColumnEqual(e.Index, f.Index, path + ".index", 0);
                Assert.Equal(e.ColumnNames, f.ColumnNames);
                for (var i = 0; i < e.Columns.Count; i++)
                {
                    ColumnEqual(e.Columns[i], f.Columns[i], $"{path}[{e.ColumnNames[i]}]", ulps);
                }
                Assert.True(JsonNode.DeepEquals(e.Attrs, f.Attrs), $"{path}.attrs: expected {e.Attrs.ToJsonString()}, got {f.Attrs.ToJsonString()}");
                break;
            case double[] e:
                var d = Assert.IsType<double[]>(actual);
                Assert.Equal(e.Length, d.Length);
                Assert.True(e.Zip(d).All(p => SameFloat(p.First, p.Second, ulps)), $"{path}: expected [{string.Join(", ", e)}], got [{string.Join(", ", d)}]");
                break;
            case object?[] e:
                var o = Assert.IsType<object?[]>(actual);
                Assert.Equal(e.Length, o.Length);
                for (var i = 0; i < e.Length; i++)
                {
                    Equal(e[i], o[i], $"{path}[{i}]", ulps);
                }
                break;
            case JsonNode e:
                Assert.True(JsonNode.DeepEquals(e, actual as JsonNode), $"{path}: expected {e.ToJsonString()}, got {(actual as JsonNode)?.ToJsonString()}");
                break;
            case DateTime e:
                var t = Assert.IsType<DateTime>(actual);
                Assert.Equal((e.Ticks, e.Kind), (t.Ticks, t.Kind));
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    private static void ColumnEqual(Column expected, Column actual, string path, int ulps)
    {
        Assert.True(expected.Kind == actual.Kind, $"{path}: expected dtype {expected.Kind}, got {actual.Kind}");
        Assert.True(expected.Length == actual.Length, $"{path}: expected {expected.Length} entries, got {actual.Length}");
        if (expected is DateTimeColumn ed)
        {
            var ad = (DateTimeColumn)actual;
            Assert.Equal(ed.IsUtc, ad.IsUtc);
            Assert.Equal(ed.Ticks, ad.Ticks);
            return;
        }
        for (var i = 0; i < expected.Length; i++)
        {
            Equal(expected.GetValue(i), actual.GetValue(i), $"{path}[{i}]", ulps);
        }
    }

    private static bool SameFloat(double e, double a, int ulps) =>
        (double.IsNaN(e) && double.IsNaN(a))
        || BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a)
        || (double.IsFinite(e) && Math.Sign(e) == Math.Sign(a) && Math.Abs(BitConverter.DoubleToInt64Bits(e) - BitConverter.DoubleToInt64Bits(a)) <= ulps);
}
