using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Python;

public sealed class PyOpsScalarTests
{
    [Fact]
    public void Binary_IntPlusInt_StaysInt() => Assert.Equal(5L, PyOps.Binary(BinaryOp.Add, 2L, 3L));

    [Fact]
    public void Binary_IntDividedByInt_IsFloat() => Assert.Equal(2.0, PyOps.Binary(BinaryOp.TrueDivide, 4L, 2L));

    [Theory]
    [InlineData(-7L, 3L, 2L)]
    [InlineData(7L, -3L, -2L)]
    [InlineData(-7L, -3L, -1L)]
    public void Binary_IntModulo_TakesTheDivisorsSign(long a, long b, long expected) =>
        Assert.Equal(expected, PyOps.Binary(BinaryOp.Modulo, a, b));

    [Theory]
    [InlineData(-7.5, 2.0, 0.5)]
    [InlineData(7.5, -2.0, -0.5)]
    public void Binary_FloatModulo_TakesTheDivisorsSign(double a, double b, double expected) =>
        Assert.Equal(expected, PyOps.Binary(BinaryOp.Modulo, a, b));

    [Fact]
    public void Binary_ZeroModuloNegative_IsNegativeZeroLikePython() =>
        Assert.True(double.IsNegative((double)PyOps.Binary(BinaryOp.Modulo, 0.0, -5L)!));

    [Theory]
    [InlineData(BinaryOp.TrueDivide, 1L, "division by zero")]
    [InlineData(BinaryOp.TrueDivide, 1.0, "float division by zero")]
    [InlineData(BinaryOp.Modulo, 1L, "integer modulo by zero")]
    [InlineData(BinaryOp.Modulo, 1.0, "float modulo")]
    [InlineData(BinaryOp.FloorDivide, 1L, "integer division or modulo by zero")]
    public void Binary_ScalarByZero_RaisesZeroDivisionErrorWithPythonsMessage(BinaryOp op, object dividend, string message)
    {
        var e = Assert.Throws<PyException>(() => PyOps.Binary(op, dividend, 0L));

        Assert.Equal(("ZeroDivisionError", message), (e.TypeName, e.Message));
    }

    [Fact]
    public void Binary_ZeroToNegativePower_RaisesZeroDivisionError()
    {
        var e = Assert.Throws<PyException>(() => PyOps.Binary(BinaryOp.Power, 0L, -1L));

        Assert.Equal(("ZeroDivisionError", "0.0 cannot be raised to a negative power"), (e.TypeName, e.Message));
    }

    [Theory]
    [InlineData(BinaryOp.Add, long.MaxValue, 1L)]
    [InlineData(BinaryOp.Multiply, 1L << 62, 4L)]
    [InlineData(BinaryOp.Power, 2L, 64L)]
    public void Binary_IntResultBeyond64Bits_RaisesOverflowErrorInsteadOfWrapping(BinaryOp op, long a, long b) =>
        Assert.Equal("OverflowError", Assert.Throws<PyException>(() => PyOps.Binary(op, a, b)).TypeName);

    [Fact]
    public void Binary_FloatPowerOverflow_RaisesOverflowErrorLikePython()
    {
        var e = Assert.Throws<PyException>(() => PyOps.Binary(BinaryOp.Power, Math.E, 1000L));

        Assert.Equal(("OverflowError", "(34, 'Numerical result out of range')"), (e.TypeName, e.Message));
    }

    [Fact]
    public void Binary_NegativeBaseFractionalExponent_IsNotSupportedBecausePythonGivesComplex() =>
        Assert.Equal("NotSupportedError", Assert.Throws<PyException>(() => PyOps.Binary(BinaryOp.Power, -8.0, 0.5)).TypeName);

    [Theory]
    [InlineData((1L << 60) + 1, 3L, 3.843071682022823e+17)]
    [InlineData((1L << 62) + 3, 7L, 6.588122883467697e+17)]
    [InlineData(-((1L << 61) + 1), 3L, -7.686143364045646e+17)]
    public void Binary_LargeIntsDivided_AreCorrectlyRoundedLikePython(long a, long b, double expected) =>
        Assert.Equal(expected, PyOps.Binary(BinaryOp.TrueDivide, a, b));

    [Fact]
    public void Binary_StrPlusInt_RaisesPythonsConcatenationError()
    {
        var e = Assert.Throws<PyException>(() => PyOps.Binary(BinaryOp.Add, "a", 1L));

        Assert.Equal(("TypeError", "can only concatenate str (not \"int\") to str"), (e.TypeName, e.Message));
    }

    [Fact]
    public void Binary_NoneMinusInt_RaisesUnsupportedOperand()
    {
        var e = Assert.Throws<PyException>(() => PyOps.Binary(BinaryOp.Subtract, null, 1L));

        Assert.Equal(("TypeError", "unsupported operand type(s) for -: 'NoneType' and 'int'"), (e.TypeName, e.Message));
    }

    [Fact]
    public void NumpyBinary_FloatByZero_GivesInfinityInsteadOfRaising() =>
        Assert.Equal(double.PositiveInfinity, PyOps.NumpyBinary(BinaryOp.TrueDivide, 0.69, 0.0));

    [Fact]
    public void Compare_IntAgainstFloatBeyond2Pow53_ComparesExactly()
    {
        Assert.Equal(true, PyOps.Compare(CompareOp.Gt, (1L << 53) + 1, 9007199254740992.0));
        Assert.Equal(false, PyOps.Compare(CompareOp.Eq, (1L << 53) + 1, 9007199254740992.0));
    }

    [Fact]
    public void Compare_StrWithInt_EqualityIsFalseButOrderingRaises()
    {
        Assert.Equal(false, PyOps.Compare(CompareOp.Eq, "a", 1L));
        var e = Assert.Throws<PyException>(() => PyOps.Compare(CompareOp.Lt, "a", 1L));
        Assert.Equal(("TypeError", "'<' not supported between instances of 'str' and 'int'"), (e.TypeName, e.Message));
    }

    [Fact]
    public void CompareFlex_OnPythonScalar_RaisesAttributeError()
    {
        var e = Assert.Throws<PyException>(() => PyOps.CompareFlex(CompareOp.Ge, 1L, 2L));

        Assert.Equal(("AttributeError", "'int' object has no attribute 'ge'"), (e.TypeName, e.Message));
    }
}
