using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Tests.Data.TimeOps;

public sealed class IndexAndRangeTests
{
    [Fact]
    public void Regular_StepDoesNotReachEnd_StopsBeforeEnd()
    {
        Assert.Equal([0L, 3, 6, 9], DateRange.Regular(0, 10, 3));
    }

    [Fact]
    public void Regular_EndBeforeStart_IsEmpty()
    {
        Assert.Empty(DateRange.Regular(10, 0, 3));
    }

    [Fact]
    public void Regular_CalendarFrequency_RaisesNotImplemented()
    {
        var ex = Assert.Throws<PyException>(() => DateRange.Regular(0, 10, Offset.Parse("M")));

        Assert.Equal("NotImplementedError", ex.TypeName);
    }

    [Fact]
    public void Reindex_DuplicateSourceLabels_RaisesPandasValueError()
    {
        var source = new Int64Column([1, 1, 2]);

        var ex = Assert.Throws<PyException>(() => IndexAlignment.Reindex(source, new Int64Column([2, 3])));

        Assert.Equal("cannot reindex on an axis with duplicate labels", ex.Message);
    }

    [Fact]
    public void Reindex_IntLabelsAgainstFloatLabels_MatchesEqualNumbers()
    {
        var positions = IndexAlignment.Reindex(new Int64Column([3, 1]), new Float64Column([1.0, 2.0, 3.0]));

        Assert.Equal([1, -1, 0], positions);
    }

    [Fact]
    public void TakeOrNaN_BoolColumnWithMissingRow_BecomesObjectWithNaN()
    {
        var taken = IndexAlignment.TakeOrNaN(new BoolColumn([true]), [0, -1]);

        var objects = Assert.IsType<ObjectColumn>(taken);
        Assert.Equal(true, objects.Values[0]);
        Assert.Equal(double.NaN, objects.Values[1]);
    }

    [Fact]
    public void Union_DuplicatesInBoth_KeepsMaximumMultiplicitySorted()
    {
        var union = IndexUnion.Union(new long[] { 5, 1, 5 }, new long[] { 5, 3 });

        Assert.Equal([1L, 3, 5, 5], union);
    }

    [Fact]
    public void Union_NaiveWithAwareIndex_RaisesTypeError()
    {
        var ex = Assert.Throws<PyException>(() =>
            IndexUnion.Union(new DateTimeColumn([1], isUtc: true), new DateTimeColumn([2], isUtc: false)));

        Assert.Equal("TypeError", ex.TypeName);
    }

    [Theory]
    [InlineData("2020-01-02", 1577923200000000000L, false)]
    [InlineData("2020-01-02 03:04", 1577934240000000000L, false)]
    [InlineData("2020-01-02T03:04:05.5Z", 1577934245500000000L, true)]
    [InlineData("2020-01-02T04:04:05+01:00", 1577934245000000000L, true)]
    [InlineData("2020", 1577836800000000000L, false)]
    public void TryParse_IsoTimestamp_GivesUtcNanoseconds(string text, long nanos, bool timezone)
    {
        Assert.True(TimestampParser.TryParse(text, out var parsed, out var hasTimezone));
        Assert.Equal(nanos, parsed);
        Assert.Equal(timezone, hasTimezone);
    }

    [Theory]
    [InlineData("Jan 2 2020")]
    [InlineData("2020-13-01")]
    [InlineData("abc")]
    public void TryParse_NotIso_ReturnsFalse(string text)
    {
        Assert.False(TimestampParser.TryParse(text, out _, out _));
    }

    [Fact]
    public void Times_HalfAnHour_MovesToMinutes()
    {
        Assert.Equal("<-30 * Minutes>", Offset.Parse("1h").Times(-0.5).ToString());
    }
}
