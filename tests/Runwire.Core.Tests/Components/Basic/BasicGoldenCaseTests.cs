using Runwire.Core.Components;
using Runwire.Core.Components.Basic;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Basic;

public sealed class BasicGoldenCaseTests
{
    [Fact]
    public void SelectColumn_CompSelectColumnRecords_GivesColumnBNamedBWithRangeIndex()
    {
        var frame = new DataFrame(Column.Range(3), ["a", "b"], [new Int64Column([1, 3, 5]), new Float64Column([2.5, double.NaN, 7.0])]);
        var inputs = new ComponentInputs(new Dictionary<string, object?> { ["dataframe"] = frame, ["column"] = "b" });

        var column = Assert.IsType<Series>(new SelectColumnFromDataFrame().Run(inputs)["column_series"]);

        Assert.Equal("b", column.Name);
        Assert.Equal([0L, 1, 2], ((Int64Column)column.Index).Values);
        Assert.Equal([2.5, double.NaN, 7.0], ((Float64Column)column.Values).Values);
    }
}
