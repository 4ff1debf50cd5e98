using MathNet.Numerics.LinearRegression;
using Runwire.Core.Codecs;
using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.RemainingUsefulLife;

/// <summary>
/// "Univariate Linear RUL Regression" (spec §5.2): least squares of the values over seconds since the first timestamp,
/// a prediction series on <c>date_range(first, last + days, freq)</c>, and the time the line reaches the limit
/// (<c>t0 + timedelta(seconds=(limit - intercept) / slope)</c>, "NaT" for a flat line). <c>slope</c> is a one-element
/// array because hetida returns scikit-learn's <c>coef_[0]</c>.
/// </summary>
public sealed class UnivariateLinearRulRegression : IComponent
{
    private const string EmptyFit = "Found array with 0 sample(s) (shape=(0, 1)) while a minimum of 1 is required by LinearRegression.";

    public Guid Id { get; } = new("8d61a267-3a71-51cd-2817-48c320469d6b");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("timeseries");
        var limit = inputs.Number("limit");
        var horizonNs = HorizonNanos(inputs["num_pred_series_future_days"]);
        var frequency = inputs.String("pred_series_frequency");
        if (series.Index is not DateTimeColumn index)
        {
            throw new PyException("AttributeError", "Can only use .dt accessor with datetimelike values");
        }
        var fit = RegressionFit.Of(index, series.Values);
        var predictionEnd = checked(fit.MaxNs + horizonNs);
        var offset = Offset.Parse(frequency);
        if (!inputs.IsOutputUsed("pred_series"))
        {
            // Only a (skipped) plot reads the prediction series; the range would be empty exactly when it ends before it starts.
            return predictionEnd < fit.MinNs ? throw PyException.ValueError(EmptyFit) : Outputs(null, fit, limit, index.IsUtc);
        }
        var predictionIndex = DateRange.Regular(fit.MinNs, predictionEnd, offset);
        if (predictionIndex.Length == 0)
        {
            throw PyException.ValueError(EmptyFit);
        }
        var predictions = new double[predictionIndex.Length];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = (predictionIndex[i] - fit.MinNs) / 1e9 * fit.Slope + fit.Intercept;
        }
        return Outputs(new Series(EpochNanos.ToColumn(predictionIndex, index.IsUtc), new Float64Column(predictions)), fit, limit, index.IsUtc);
    }

    private static Dictionary<string, object?> Outputs(Series? predictions, RegressionFit fit, double limit, bool utc) => new()
    {
        ["pred_series"] = predictions,
        ["intercept"] = fit.Intercept,
        ["slope"] = new[] { fit.Slope },
        ["limit_violation_prediction_timestamp"] = LimitReached(fit, limit, utc),
    };

    // datetime.timedelta(days=n): an int exactly, a float rounded to microseconds
    private static long HorizonNanos(object? days) => days switch
    {
        long l => checked(l * 86_400_000_000_000),
        double d => checked((long)PyTimedelta.MicrosecondsFromSeconds(d * 86_400) * 1000),
        _ => throw PyException.TypeError($"unsupported type for timedelta days component: {Ordering.PyTypeName(days)}"),
    };

    private static string LimitReached(RegressionFit fit, double limit, bool utc)
    {
        if (fit.Slope == 0)
        {
            // hetida formats pd.NaT with isoformat(), which gives the text "NaT"
            return "NaT";
        }
        var micros = PyTimedelta.MicrosecondsFromSeconds((limit - fit.Intercept) / fit.Slope);
        return PyFormat.IsoFormat(EpochNanos.ToDateTime(PyTimedelta.AddToTimestamp(fit.MinNs, micros), utc));
    }

    private sealed record RegressionFit(long MinNs, long MaxNs, double Intercept, double Slope)
    {
        public static RegressionFit Of(DateTimeColumn index, Column values)
        {
            if (index.Length == 0)
            {
                throw PyException.ValueError(EmptyFit);
            }
            var ticks = index.Ticks;
            if (ticks.Contains(DateTimeColumn.NaT))
            {
                throw PyException.ValueError(
                    "Input X contains NaN.\nLinearRegression does not accept missing values encoded as NaN natively. For supervised learning, you might want to consider sklearn.ensemble.HistGradientBoostingClassifier and Regressor which accept missing values encoded as NaNs natively. Alternatively, it is possible to preprocess the data, for instance by using an imputer transformer in a pipeline or drop samples with missing values. See https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that handle NaN values at the following page: https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values");
            }
            var y = values.ToDoubles();
            if (y.Any(double.IsNaN))
            {
                throw PyException.ValueError("Input y contains NaN.");
            }
            if (y.Any(double.IsInfinity))
            {
                throw PyException.ValueError("Input y contains infinity or a value too large for dtype('float64').");
            }
            var minNs = EpochNanos.FromTicks(ticks.Min());
            var maxNs = EpochNanos.FromTicks(ticks.Max());
            if (minNs == maxNs)
            {
                // scikit-learn's least squares gives slope 0 when all x coincide (MathNet would divide by zero)
                return new(minNs, maxNs, y.Average(), 0.0);
            }
            var x = new double[ticks.Length];
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = (EpochNanos.FromTicks(ticks[i]) - minNs) / 1e9;
            }
            var (intercept, slope) = SimpleRegression.Fit(x, y);
            return new(minNs, maxNs, intercept, slope);
        }
    }
}
