namespace Runwire.Core.Components.Python;

/// <summary>A Python binary arithmetic operator, applied with <see cref="PyOps.Binary"/>.</summary>
public enum BinaryOp
{
    /// <summary><c>a + b</c></summary>
    Add,

    /// <summary><c>a - b</c></summary>
    Subtract,

    /// <summary><c>a * b</c></summary>
    Multiply,

    /// <summary><c>a / b</c> (true division: always a float for numbers)</summary>
    TrueDivide,

    /// <summary><c>a // b</c></summary>
    FloorDivide,

    /// <summary><c>a % b</c> (the result has the sign of the divisor)</summary>
    Modulo,

    /// <summary><c>a ** b</c></summary>
    Power,
}
