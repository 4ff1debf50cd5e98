using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "2D Grid Generator" (no plot despite its category): <c>np.linspace</c> for both axes and the flattened
/// <c>np.meshgrid</c> of them, as Series over a RangeIndex named "x"/"y".
/// </summary>
public sealed class GridGenerator2D : IComponent
{
    public Guid Id { get; } = new("096c6181-4ba5-0ee7-361a-3c32eee8c0c2");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var n = inputs.Int("n");
        if (n < 0)
        {
            throw PyException.ValueError($"Number of samples, {n}, must be non-negative.");
        }
        var xs = Linspace(inputs.Number("x_min"), inputs.Number("x_max"), (int)n);
        var ys = Linspace(inputs.Number("y_min"), inputs.Number("y_max"), (int)n);
        var gridX = new double[xs.Length * ys.Length];
        var gridY = new double[gridX.Length];
        for (var row = 0; row < ys.Length; row++)
        {
            for (var col = 0; col < xs.Length; col++)
            {
                gridX[row * xs.Length + col] = xs[col];
                gridY[row * xs.Length + col] = ys[row];
            }
        }
        return new Dictionary<string, object?>
        {
            ["x_values"] = Series.FromValues(new Float64Column(gridX), "x"),
            ["y_values"] = Series.FromValues(new Float64Column(gridY), "y"),
            ["x_indices"] = Series.FromValues(new Float64Column(xs), "x"),
            ["y_indices"] = Series.FromValues(new Float64Column(ys), "y"),
        };
    }

    // numpy 1.24: start + i * ((stop - start) / (n - 1)), the last point set to stop exactly
    private static double[] Linspace(double start, double stop, int n)
    {
        var result = new double[n];
        var delta = stop - start;
        var step = n > 1 ? delta / (n - 1) : double.NaN;
        for (var i = 0; i < n; i++)
        {
            result[i] = n == 1 ? i * delta + start : step == 0 ? i / (double)(n - 1) * delta + start : i * step + start;
        }
        if (n > 1)
        {
            result[^1] = stop;
        }
        return result;
    }
}
