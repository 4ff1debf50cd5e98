using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Python;

public sealed class PyOpsRoundTests
{
    [Theory]
    [InlineData(2.675, 2L, 2.67)]
    [InlineData(0.125, 2L, 0.12)]
    [InlineData(2.5, 0L, 2.0)]
    [InlineData(1234.5678, -2L, 1200.0)]
    [InlineData(5e-324, 323L, 0.0)]
    public void Round_Float_RoundsTheExactBinaryValueHalfToEven(double value, long digits, double expected) =>
        Assert.Equal(expected, PyOps.Round(value, digits));

    [Fact]
    public void Round_SmallNegative_KeepsTheSignOfZero() =>
        Assert.True(double.IsNegative((double)PyOps.Round(-0.4, 0L)!));

    [Theory]
    [InlineData(15L, 20L)]
    [InlineData(25L, 20L)]
    [InlineData(-15L, -20L)]
    public void Round_IntToTens_StaysIntHalfToEven(long value, long expected) =>
        Assert.Equal(expected, PyOps.Round(value, -1L));

    [Fact]
    public void Round_WithoutDigits_GivesInt() => Assert.Equal(2L, PyOps.Round(2.5, null));

    [Fact]
    public void Round_NaNWithoutDigits_RaisesValueError() =>
        Assert.Equal("ValueError", Assert.Throws<PyException>(() => PyOps.Round(double.NaN, null)).TypeName);

    [Fact]
    public void Round_SeriesUsesNumpyScaling_SoHalfwayLooking2675RoundsUp()
    {
        var series = Series.FromValues(new Float64Column([2.675]));

        var rounded = Assert.IsType<Series>(PyOps.Round(series, 2L));

        Assert.Equal(2.68, rounded.Values.GetValue(0));
    }

    [Fact]
    public void Round_Str_RaisesTypeError()
    {
        var e = Assert.Throws<PyException>(() => PyOps.Round("a", 2L));

        Assert.Equal(("TypeError", "type str doesn't define __round__ method"), (e.TypeName, e.Message));
    }
}
