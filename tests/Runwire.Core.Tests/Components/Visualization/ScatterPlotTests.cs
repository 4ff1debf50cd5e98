using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization;
using Runwire.Core.Data;
using static Runwire.Core.Tests.Components.Visualization.Build;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>2D Scatter Plot colored by Index and Simple Scatter Map Plot.</summary>
public sealed class ScatterPlotTests
{
    private static readonly string[] Hours = ["2019-11-29T01:00:00Z", "2019-11-29T02:00:00Z", "2019-11-29T04:00:00Z"];

    [Fact]
    public void ScatterColoredByIndex_DatetimeIndex_ColorsBySecondsFromStart() =>
        ExpectedOutputs.AssertOutputs(new ScatterColoredByIndex(), "scatter-datetime-index",
            Args(("x", Series(Hours, [10.533, 10.559, 9.7662])), ("y", Series(Hours, [10.7533, 10.759, 9.9662]))));

    [Fact]
    public void ScatterColoredByIndex_DifferentIntIndexes_AlignsOnSortedUnion()
    {
        var x = new Series(new Int64Column([3, 1, 2]), new Float64Column([1.5, 2.5, 3.5]));
        var y = new Series(new Int64Column([1, 4]), new Float64Column([7.0, 8.0]));

        ExpectedOutputs.AssertOutputs(new ScatterColoredByIndex(), "scatter-int-index-union", Args(("x", x), ("y", y)));
    }

    [Fact]
    public void ScatterColoredByIndex_StringIndex_RaisesValueError()
    {
        var x = new Series(new ObjectColumn(["a", "b"]), new Float64Column([1.0, 2.0]));
        var y = new Series(new ObjectColumn(["a", "b"]), new Float64Column([3.0, 4.0]));

        ExpectedOutputs.AssertError(new ScatterColoredByIndex(), "scatter-string-index", Args(("x", x), ("y", y)));
    }

    [Fact]
    public void SimpleScatterMapPlot_CategoriesPartlyMapped_OneTracePerCategory() =>
        ExpectedOutputs.AssertOutputs(new SimpleScatterMapPlot(), "scatter-map",
            Args(("data", MapFrame()), ("color_map", new JsonObject { ["pump"] = "red", ["tank"] = "#00ff00" }), ("cat_color_col", "kind")));

    [Fact]
    public void SimpleScatterMapPlot_NumericColorColumn_ColorsContinuously() =>
        ExpectedOutputs.AssertOutputs(new SimpleScatterMapPlot(), "scatter-map-numeric-color",
            Args(("data", MapFrame(("level", new Int64Column([3, 1, 2, 5])))), ("color_map", null), ("cat_color_col", "level")));

    [Fact]
    public void SimpleScatterMapPlot_MissingCategory_RaisesPlotlyExpressKeyError() =>
        ExpectedOutputs.AssertError(new SimpleScatterMapPlot(), "scatter-map-missing-category",
            Args(("data", MapFrame(("kind", new ObjectColumn(["pump", null, "pump", "tank"])))), ("color_map", new JsonObject()), ("cat_color_col", "kind")));

    [Fact]
    public void SimpleScatterMapPlot_NoDescriptionColumn_RaisesPlotlyExpressValueError()
    {
        var full = MapFrame();
        var frame = new DataFrame(full.Index, ["lat", "lon", "name", "kind"],
            [full.Columns[0], full.Columns[1], full.Columns[2], full.Columns[4]]);

        ExpectedOutputs.AssertError(new SimpleScatterMapPlot(), "scatter-map-missing-column",
            Args(("data", frame), ("color_map", new JsonObject()), ("cat_color_col", "kind")));
    }

    private static DataFrame MapFrame(params (string Name, Column Column)[] replaced)
    {
        var frame = new DataFrame(Column.Range(4), ["lat", "lon", "name", "description", "kind"],
        [
            new Float64Column([52.5, 52.6, 52.4, 52.55]),
            new Float64Column([13.4, 13.3, 13.5, 13.45]),
            new ObjectColumn(["A", "B", "C", "D"]),
            new ObjectColumn(["first", "second", "third", "fourth"]),
            new ObjectColumn(["pump", "valve", "pump", "tank"]),
        ]);
        return replaced.Aggregate(frame, (f, r) => f.WithColumn(r.Name, r.Column));
    }
}
