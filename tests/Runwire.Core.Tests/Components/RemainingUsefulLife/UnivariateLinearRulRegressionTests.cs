using System.Diagnostics;
using Runwire.Core.Components;
using Runwire.Core.Components.RemainingUsefulLife;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.RemainingUsefulLife;

public sealed class UnivariateLinearRulRegressionTests
{
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Run_SpecThreePointSeries_GivesSpecInterceptSlopeAndTimestamp()
    {
        var outputs = Run(Daily(10.0, 9.0, 8.0), limit: 5.0, days: 1);

        Assert.Equal(10.0, (double)outputs["intercept"]!, 12);
        var slope = Assert.IsType<double[]>(outputs["slope"]);
        Assert.Equal(-1.1574074074074072e-05, Assert.Single(slope), 15);
        Assert.Equal("2020-01-06T00:00:00+00:00", outputs["limit_violation_prediction_timestamp"]);
        // 5min steps from the first point to one day after the last one
        Assert.Equal(865, ((Series)outputs["pred_series"]!).Length);
    }

    [Fact]
    public void Run_ConstantSeries_GivesTextNaT()
    {
        var outputs = Run(Daily(2.0, 2.0), limit: 1.0, days: 0);

        Assert.Equal("NaT", outputs["limit_violation_prediction_timestamp"]);
        Assert.Equal([0.0], (double[])outputs["slope"]!);
    }

    [Fact]
    public void Run_ZeroFrequency_RaisesZeroDivisionError()
    {
        var ex = Assert.Throws<PyException>(() => Run(Daily(1.0, 2.0), limit: 1.0, days: 0, frequency: "0min"));

        Assert.Equal("ZeroDivisionError", ex.TypeName);
    }

    [Fact]
    public void Run_MillionHourlyPoints_FinishesInSeconds()
    {
        const int n = 1_000_000;
        var ticks = new long[n];
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            ticks[i] = Start.Ticks + i * TimeSpan.TicksPerHour;
            values[i] = 100 - i * 1e-4;
        }
        var series = new Series(new DateTimeColumn(ticks, isUtc: true), new Float64Column(values));

        var watch = Stopwatch.StartNew();
        var outputs = Run(series, limit: 0.0, days: 0, frequency: "1H");
        watch.Stop();

        Assert.Equal(-1e-4 / 3600, ((double[])outputs["slope"]!)[0], 12);
        Assert.Equal(n, ((Series)outputs["pred_series"]!).Length);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    private static Series Daily(params double[] values) => new(
        new DateTimeColumn([.. values.Select((_, i) => Start.AddDays(i).Ticks)], isUtc: true),
        new Float64Column(values));

    private static IReadOnlyDictionary<string, object?> Run(Series series, double limit, long days, string frequency = "5min") =>
        new UnivariateLinearRulRegression().Run(new ComponentInputs(new Dictionary<string, object?>
        {
            ["timeseries"] = series,
            ["limit"] = limit,
            ["num_pred_series_future_days"] = days,
            ["pred_series_frequency"] = frequency,
        }));
}
