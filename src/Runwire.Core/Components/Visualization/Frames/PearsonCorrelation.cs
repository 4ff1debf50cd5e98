using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Frames;

/// <summary>
/// pandas 1.5 <c>DataFrame.corr()</c> (Pearson, min_periods 1): over the numeric and bool columns, each pair over the
/// rows where both are present, with the same Welford update order as pandas' <c>nancorr</c>, so the results (and their
/// <c>str()</c> forms in the heatmap's hover text) match bit for bit. A zero variance gives NaN.
/// </summary>
internal static class PearsonCorrelation
{
    public static (List<string> Names, double[,] Matrix) Compute(DataFrame frame)
    {
        var names = new List<string>();
        var columns = new List<double[]>();
        for (var i = 0; i < frame.Columns.Count; i++)
        {
            if (frame.Columns[i].Kind is ColumnKind.Float64 or ColumnKind.Int64 or ColumnKind.Bool)
            {
                names.Add(frame.ColumnNames[i]);
                columns.Add(frame.Columns[i].ToDoubles());
            }
        }
        var matrix = new double[names.Count, names.Count];
        for (var xi = 0; xi < names.Count; xi++)
        {
            for (var yi = 0; yi <= xi; yi++)
            {
                matrix[xi, yi] = matrix[yi, xi] = Pair(columns[xi], columns[yi]);
            }
        }
        return (names, matrix);
    }

    private static double Pair(double[] xs, double[] ys)
    {
        double nobs = 0, meanX = 0, meanY = 0, ssqdmx = 0, ssqdmy = 0, covxy = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var vx = xs[i];
            var vy = ys[i];
            if (double.IsNaN(vx) || double.IsNaN(vy))
            {
                continue;
            }
            nobs += 1;
            var dx = vx - meanX;
            var dy = vy - meanY;
            meanX += 1 / nobs * dx;
            meanY += 1 / nobs * dy;
            ssqdmx += (vx - meanX) * dx;
            ssqdmy += (vy - meanY) * dy;
            covxy += (vx - meanX) * dy;
        }
        if (nobs < 1)
        {
            return double.NaN;
        }
        var divisor = Math.Sqrt(ssqdmx * ssqdmy);
        return divisor != 0 ? covxy / divisor : double.NaN;
    }
}
