using System.Globalization;
using System.Text;
using System.Text.Json;
using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

/// <summary>Big series must not cost an object per point (allocation counts are deterministic, timings are not).</summary>
public sealed class AllocationTests
{
    private const int Points = 200_000;

    [Fact]
    public void ParseSeries_IsoKeyedTimeSeries_NoAllocationPerPoint()
    {
        var text = TimeSeriesText();
        ValueParser.Parse("""{"2020-01-01T00:00:00.000Z": 1.5}""", DataType.Series);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var series = Assert.IsType<Series>(ValueParser.Parse(text, DataType.Series));
        var perPoint = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Points;

        Assert.Equal(Points, series.Length);
        Assert.True(((DateTimeColumn)series.Index).IsUtc);
        // UTF-8 copy of the text (~47 bytes), tape tokens, index arrays and the two result columns; a string per key would add 70+
        Assert.True(perPoint < 160, $"{perPoint:F1} bytes per point");
    }

    [Fact]
    public void WriteSeries_MillionPointsToStream_AllocatesAlmostNothing()
    {
        var series = new Series(
            new DateTimeColumn([.. Enumerable.Range(0, 1_000_000).Select(i => new DateTime(2020, 1, 1).Ticks + (i * TimeSpan.TicksPerSecond))], isUtc: true),
            new Float64Column([.. Enumerable.Range(0, 1_000_000).Select(i => i / 7.0)]));
        using var writer = new Utf8JsonWriter(Stream.Null);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ValueEncoder.Write(writer, series);
        writer.Flush();

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    private static string TimeSeriesText()
    {
        var text = new StringBuilder("{");
        var start = new DateTime(2020, 1, 1);
        for (var i = 0; i < Points; i++)
        {
            text.Append(i == 0 ? "\"" : ", \"").Append(start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append("\": ").Append((i % 1000 / 7.0).ToString("R", CultureInfo.InvariantCulture));
        }
        return text.Append('}').ToString();
    }
}
