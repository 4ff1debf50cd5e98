using Runwire.Core.Data;

namespace Runwire.Core.Tests.Data;

public sealed class ColumnTests
{
    [Fact]
    public void Take_Int64WithMissingPosition_UpcastsToFloatNaN()
    {
        var column = new Int64Column([1, 2, 3]);

        var taken = column.Take([2, -1, 0]);

        var floats = Assert.IsType<Float64Column>(taken);
        Assert.Equal(3.0, floats.Values[0]);
        Assert.True(double.IsNaN(floats.Values[1]));
        Assert.Equal(1.0, floats.Values[2]);
    }

    [Fact]
    public void FromValues_MixedIntsAndFloats_InfersFloat64()
    {
        var column = Column.FromValues([1L, 2.5, null]);

        var floats = Assert.IsType<Float64Column>(column);
        Assert.Equal([1.0, 2.5], floats.Values[..2]);
        Assert.True(floats.IsMissing(2));
    }

    [Fact]
    public void SortIndex_DuplicateLabels_KeepsOriginalOrderOfTies()
    {
        var index = new DateTimeColumn([20, 10, 10, DateTimeColumn.NaT], isUtc: true);
        var series = new Series(index, new Float64Column([1, 2, 3, 4]));

        var sorted = series.SortIndex();

        Assert.Equal([2.0, 3.0, 1.0, 4.0], ((Float64Column)sorted.Values).Values);
    }
}
