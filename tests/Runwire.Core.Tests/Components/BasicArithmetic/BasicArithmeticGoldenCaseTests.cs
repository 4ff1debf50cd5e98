using Runwire.Core.Components;
using Runwire.Core.Components.BasicArithmetic;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.BasicArithmetic;

/// <summary>The hetida golden cases of this category (/work/shared/hetida/cases), with their inputs as the engine delivers them.</summary>
public sealed class BasicArithmeticGoldenCaseTests
{
    private static ComponentInputs Inputs(params (string Name, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Add_CompAddFloatInt_Gives3Point5()
    {
        var outputs = new Add().Run(Inputs(("a", 1.5), ("b", 2L)));

        Assert.Equal(3.5, outputs["sum"]);
    }

    [Fact]
    public void Round_CompRoundHalf_Gives2Point67()
    {
        var outputs = new Round().Run(Inputs(("data", 2.675), ("decimals", 2L)));

        Assert.Equal(2.67, outputs["rounded"]);
    }

    [Fact]
    public void Divide_FailDivideByZero_RaisesZeroDivisionError()
    {
        var e = Assert.Throws<PyException>(() => new Divide().Run(Inputs(("a", 1L), ("b", 0L))));

        Assert.Equal(("ZeroDivisionError", "division by zero"), (e.TypeName, e.Message));
    }
}
