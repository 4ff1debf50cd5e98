namespace Runwire.Core.Components.Python;

/// <summary>The names Python, numpy and pandas use for the operators in their error messages.</summary>
internal static class OpNames
{
    public static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.TrueDivide => "/",
        BinaryOp.FloorDivide => "//",
        BinaryOp.Modulo => "%",
        _ => "** or pow()",
    };

    public static string Ufunc(BinaryOp op) => op switch
    {
        BinaryOp.Add => "add",
        BinaryOp.Subtract => "subtract",
        BinaryOp.Multiply => "multiply",
        BinaryOp.TrueDivide => "true_divide",
        BinaryOp.FloorDivide => "floor_divide",
        BinaryOp.Modulo => "remainder",
        _ => "power",
    };

    /// <summary>pandas' operator names (<c>operator 'truediv' not implemented for bool dtypes</c>).</summary>
    public static string Pandas(BinaryOp op) => op switch
    {
        BinaryOp.TrueDivide => "truediv",
        BinaryOp.FloorDivide => "floordiv",
        BinaryOp.Power => "pow",
        _ => Ufunc(op),
    };

    public static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Eq => "==",
        CompareOp.Ne => "!=",
        CompareOp.Lt => "<",
        CompareOp.Le => "<=",
        CompareOp.Gt => ">",
        _ => ">=",
    };

    /// <summary>The flex method name (<c>Series.ge</c>).</summary>
    public static string Method(CompareOp op) => op.ToString().ToLowerInvariant();

    public static string Ufunc(UFunc f) => f.ToString().ToLowerInvariant();

    /// <summary>The comparison with its operands swapped (<c>a &lt; b</c> is <c>b &gt; a</c>).</summary>
    public static CompareOp Mirror(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };
}
