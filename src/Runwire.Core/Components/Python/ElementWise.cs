using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Chooses the numpy kernel for an element-wise arithmetic operation from the operands' dtypes.</summary>
internal static class ElementWise
{
    public static Column Binary(BinaryOp op, Operand left, Operand right, bool pandas)
    {
        if (left.Column is DateTimeColumn || right.Column is DateTimeColumn)
        {
            throw PyErrors.DatetimeArithmetic();
        }
        // numpy turns a str scalar into a '<U' array, for which the numeric ufunc loops do not exist.
        if (left.IsNumeric && right is { IsScalar: true, Scalar: string s })
        {
            throw StrOperand(op, PyErrors.Dtype(left.Column), StrDtype(s));
        }
        if (right.IsNumeric && left is { IsScalar: true, Scalar: string t })
        {
            throw StrOperand(op, StrDtype(t), PyErrors.Dtype(right.Column));
        }
        return left.IsNumeric && right.IsNumeric
            ? NumericKernels.Binary(op, left.Column, right.Column, pandas)
            : ObjectKernels.Binary(op, left, right);
    }

    // numpy has str loops for add/subtract/multiply (no signature match) but none at all for the others.
    private static PyException StrOperand(BinaryOp op, string left, string right) => op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply
        ? PyErrors.UfuncNoLoop(op, left, right)
        : PyException.TypeError($"ufunc '{(op == BinaryOp.TrueDivide ? "divide" : OpNames.Ufunc(op))}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");

    private static string StrDtype(string s) => $"<U{Math.Max(1, s.Length)}";
}
