using Runwire.Core.Components.Visualization;
using Runwire.Core.Data;
using static Runwire.Core.Tests.Components.Visualization.Build;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>2D Grid Generator, Contour Plot and Correlation Matrix Heatmap Plot.</summary>
public sealed class GridAndMatrixPlotTests
{
    [Fact]
    public void GridGenerator2D_FourPoints_MatchesNumpyLinspaceAndMeshgrid() =>
        ExpectedOutputs.AssertOutputs(new GridGenerator2D(), "grid-4x4",
            Args(("x_min", 0.1), ("x_max", 0.7), ("y_min", -1.0), ("y_max", 2.0), ("n", 4L)));

    [Fact]
    public void GridGenerator2D_TwentyFivePoints_MatchesNumpyBitForBit() =>
        ExpectedOutputs.AssertOutputs(new GridGenerator2D(), "grid-25",
            Args(("x_min", -3.3), ("x_max", 7.1), ("y_min", 0.0), ("y_max", 1e-3), ("n", 25L)));

    [Fact]
    public void GridGenerator2D_OnePoint_YieldsTheStartValues() =>
        ExpectedOutputs.AssertOutputs(new GridGenerator2D(), "grid-1",
            Args(("x_min", 3.0), ("x_max", 5.0), ("y_min", 1.0), ("y_max", 2.0), ("n", 1L)));

    [Fact]
    public void ContourPlot_SixValuesOverThreeColumns_ReshapesIntoTwoRows()
    {
        var args = Args(
            ("x", Plain([0.0, 0.5, 1.0], "x")),
            ("y", Plain([10.0, 20.0], "y")),
            ("z", Plain([1.0, 2.0, 3.0, 4.0, NaN, 6.0])));

        ExpectedOutputs.AssertOutputs(new ContourPlot(), "contour", args);
    }

    [Fact]
    public void ContourPlot_SizeNotMultipleOfWidth_RaisesNumpysValueError()
    {
        var args = Args(
            ("x", Plain([0.0, 0.5, 1.0])),
            ("y", Plain([10.0, 20.0])),
            ("z", Plain([1.0, 2.0, 3.0, 4.0])));

        ExpectedOutputs.AssertError(new ContourPlot(), "contour-bad-shape", args);
    }

    [Fact]
    public void CorrelationMatrixHeatmapPlot_MixedColumns_CorrelatesNumericOnesPairwise()
    {
        var frame = new DataFrame(Column.Range(5), ["a", "b", "label", "c", "const"],
        [
            new Float64Column([1.0, 2.0, 3.0, 4.0, 5.5]),
            new Float64Column([2.0, 1.0, NaN, 3.0, 0.5]),
            new ObjectColumn(["p", "q", "r", "s", "t"]),
            new Int64Column([1, 3, 2, 5, 4]),
            new Float64Column([7.0, 7.0, 7.0, 7.0, 7.0]),
        ]);

        ExpectedOutputs.AssertOutputs(new CorrelationMatrixHeatmapPlot(), "correlation", Args(("dataframe", frame)));
    }

    [Fact]
    public void CorrelationMatrixHeatmapPlot_SixtyRowsWithGaps_HoverTextMatchesPandasDigits()
    {
        var rows = Enumerable.Range(0, 60).ToArray();
        var frame = new DataFrame(Column.Range(60), ["saw", "big", "mix", "gappy"],
        [
            new Float64Column([.. rows.Select(i => i * 37 % 23 / 7.0)]),
            new Float64Column([.. rows.Select(i => i * 11 % 17 * 1e6 / 3.0 - i)]),
            new Float64Column([.. rows.Select(i => i * 37 % 23 / 7.0 + i / 7.0)]),
            new Float64Column([.. rows.Select(i => i % 7 == 0 ? NaN : i * i / 13.0)]),
        ]);

        ExpectedOutputs.AssertOutputs(new CorrelationMatrixHeatmapPlot(), "correlation-wave", Args(("dataframe", frame)));
    }
}
