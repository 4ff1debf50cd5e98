using System.Text.Json.Nodes;
using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Python;

public sealed class PyOpsSeriesTests
{
    private static Series Floats(long[] index, double[] values, string? name = null) =>
        new(new Int64Column(index), new Float64Column(values), name);

    [Fact]
    public void Binary_SeriesWithDifferentIndexes_AlignsOnTheSortedUnionWithNaN()
    {
        var left = Floats([3, 1, 2], [1, 2, 3]);
        var right = Floats([2, 5], [10, 20]);

        var sum = Assert.IsType<Series>(PyOps.Binary(BinaryOp.Add, left, right));

        Assert.Equal([1L, 2, 3, 5], ((Int64Column)sum.Index).Values);
        Assert.Equal([double.NaN, 13, double.NaN, double.NaN], ((Float64Column)sum.Values).Values);
    }

    [Fact]
    public void Binary_SeriesWithEqualUnsortedIndexes_KeepsTheOrder()
    {
        var left = Floats([3, 1, 2], [1, 2, 3]);

        var sum = Assert.IsType<Series>(PyOps.Binary(BinaryOp.Add, left, Floats([3, 1, 2], [1, 1, 1])));

        Assert.Equal([3L, 1, 2], ((Int64Column)sum.Index).Values);
        Assert.Equal([2.0, 3, 4], ((Float64Column)sum.Values).Values);
    }

    [Fact]
    public void Binary_DuplicateLabelsOnBothSides_PairsEveryOccurrenceLabelsSorted()
    {
        var left = Floats([2, 1, 1], [1, 2, 3]);
        var right = Floats([1, 1, 3], [10, 20, 30]);

        var sum = Assert.IsType<Series>(PyOps.Binary(BinaryOp.Add, left, right));

        Assert.Equal([1L, 1, 1, 1, 2, 3], ((Int64Column)sum.Index).Values);
        Assert.Equal([12.0, 22, 13, 23, double.NaN, double.NaN], ((Float64Column)sum.Values).Values);
    }

    [Fact]
    public void Binary_NaiveAndAwareIndexes_RaiseTypeErrorLikePandas()
    {
        var naive = new Series(new DateTimeColumn([1], isUtc: false), new Float64Column([1]));
        var aware = new Series(new DateTimeColumn([2], isUtc: true), new Float64Column([1]));

        var e = Assert.Throws<PyException>(() => PyOps.Binary(BinaryOp.Add, naive, aware));

        Assert.Equal(("TypeError", "Cannot join tz-naive with tz-aware DatetimeIndex"), (e.TypeName, e.Message));
    }

    [Fact]
    public void Binary_IntSeriesFloorDividedByZero_GivesSignedInfinityAndNaNLikePandas()
    {
        var ints = new Series(Column.Range(3), new Int64Column([1, -1, 0]));

        var result = Assert.IsType<Series>(PyOps.Binary(BinaryOp.FloorDivide, ints, 0L));

        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, double.NaN], ((Float64Column)result.Values).Values);
    }

    [Fact]
    public void Binary_IntSeriesOverflow_WrapsLikeNumpy()
    {
        var ints = new Series(Column.Range(1), new Int64Column([long.MaxValue]));

        var result = Assert.IsType<Series>(PyOps.Binary(BinaryOp.Add, ints, 1L));

        Assert.Equal([long.MinValue], ((Int64Column)result.Values).Values);
    }

    [Fact]
    public void Binary_SeriesNamesAndAttrs_NameKeptOnlyWhenEqualAttrsFromTheLeft()
    {
        var left = Floats([0], [1], "a").WithAttrs(new JsonObject { ["unit"] = "m" });

        var same = Assert.IsType<Series>(PyOps.Binary(BinaryOp.Multiply, left, Floats([0], [2], "a")));
        var other = Assert.IsType<Series>(PyOps.Binary(BinaryOp.Multiply, left, Floats([0], [2], "b")));

        Assert.Equal("a", same.Name);
        Assert.Null(other.Name);
        Assert.Equal("m", other.Attrs["unit"]!.GetValue<string>());
    }

    [Fact]
    public void Compare_DifferentlyLabelledSeries_RaisesValueErrorWhileFlexAligns()
    {
        var left = Floats([0, 1], [1, 2]);
        var right = Floats([1, 2], [1, 2]);

        var e = Assert.Throws<PyException>(() => PyOps.Compare(CompareOp.Ge, left, right));
        var flex = Assert.IsType<Series>(PyOps.CompareFlex(CompareOp.Ge, left, right));

        Assert.Equal(("ValueError", "Can only compare identically-labeled Series objects"), (e.TypeName, e.Message));
        Assert.Equal([false, true, false], ((BoolColumn)flex.Values).Values);
    }

    [Fact]
    public void Compare_MissingValues_AreFalseExceptForNotEqual()
    {
        var series = Floats([0, 1], [1, double.NaN]);

        var greater = Assert.IsType<Series>(PyOps.Compare(CompareOp.Gt, series, 0L));
        var unequal = Assert.IsType<Series>(PyOps.Compare(CompareOp.Ne, series, 1L));

        Assert.Equal([true, false], ((BoolColumn)greater.Values).Values);
        Assert.Equal([false, true], ((BoolColumn)unequal.Values).Values);
    }

    [Fact]
    public void Apply_SignOfIntSeries_KeepsInts()
    {
        var ints = new Series(Column.Range(3), new Int64Column([-3, 0, 4]));

        var signs = Assert.IsType<Series>(PyOps.Apply(UFunc.Sign, ints));

        Assert.Equal([-1L, 0, 1], ((Int64Column)signs.Values).Values);
    }

    [Fact]
    public void Apply_LogOfZeroAndNegative_GivesInfinityAndNaNWithoutRaising()
    {
        var values = Floats([0, 1], [0, -1]);

        var logs = Assert.IsType<Series>(PyOps.Apply(UFunc.Log, values));

        Assert.Equal([double.NegativeInfinity, double.NaN], ((Float64Column)logs.Values).Values);
    }
}
