using Runwire.Core.Components;
using Runwire.Core.Components.AnomalyDetection;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.AnomalyDetection;

public sealed class SimpleVolatilityScoreTests
{
    // The Kafka consumer test fixture of hetida (spec §5.3)
    private static readonly (string Time, double Value)[] Fixture =
    [
        ("2018-05-19T22:20:00", 86.9358994238), ("2018-05-19T22:25:00", 78.6552569681), ("2018-05-19T22:30:00", 93.515633185),
        ("2018-05-19T22:35:00", 96.3497006614), ("2018-05-19T22:40:00", 83.1926874657), ("2018-05-22T05:50:00", 926.4357356548),
        ("2018-05-22T05:55:00", 934.7257131637), ("2018-05-22T06:00:00", 908.4082221891), ("2018-05-22T06:05:00", 917.7112901544),
        ("2018-05-22T06:10:00", 924.0958121497),
    ];

    [Fact]
    public void Run_KafkaFixtureCentered_GivesSpecScoresNinetyMinutesEarlier()
    {
        var series = new Series(
            new DateTimeColumn([.. Fixture.Select(f => Utc(f.Time).Ticks)], isUtc: true),
            new Float64Column([.. Fixture.Select(f => f.Value)]));

        var result = (Series)new SimpleVolatilityScore().Run(new ComponentInputs(new Dictionary<string, object?>
        {
            ["timeseries"] = series,
            ["window_size"] = "180min",
            ["window_timestamp_location"] = "center",
        }))["volatilities"]!;

        double[] expected = [double.NaN, 0.0, 16.56128491139998, 16.56128491139998, 35.388887386599976, 0.0, 0.0, 52.63498194919998, 52.63498194919998, 52.63498194919998];
        Assert.Equal(expected, ((Float64Column)result.Values).Values);
        Assert.Equal(Utc("2018-05-19T20:50:00"), result.Index.GetValue(0));
        Assert.Equal("volatilities", result.Name);
    }

    [Fact]
    public void Run_UnknownStamping_RaisesHetidaValueError()
    {
        var series = new Series(new DateTimeColumn([Utc("2020-01-01T00:00:00").Ticks], isUtc: true), new Float64Column([1.0]));

        var ex = Assert.Throws<PyException>(() => new SimpleVolatilityScore().Run(new ComponentInputs(new Dictionary<string, object?>
        {
            ["timeseries"] = series,
            ["window_size"] = "1h",
            ["window_timestamp_location"] = "middle",
        })));

        Assert.Equal("ValueError", ex.TypeName);
        Assert.Equal("Only 'left' or 'right' or 'center' allowed for stamping parameter.", ex.Message);
    }

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
