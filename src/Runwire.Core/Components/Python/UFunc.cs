namespace Runwire.Core.Components.Python;

/// <summary>A numpy unary function (<c>np.sin</c>, <c>np.log</c>, ...), applied with <see cref="PyOps.Apply"/>.</summary>
public enum UFunc
{
    /// <summary><c>np.sin</c></summary>
    Sin,

    /// <summary><c>np.cos</c></summary>
    Cos,

    /// <summary><c>np.tan</c></summary>
    Tan,

    /// <summary><c>np.arcsin</c></summary>
    Arcsin,

    /// <summary><c>np.arccos</c></summary>
    Arccos,

    /// <summary><c>np.arctan</c></summary>
    Arctan,

    /// <summary><c>np.log</c> (natural logarithm; 0 gives -inf, negatives NaN)</summary>
    Log,

    /// <summary><c>np.sqrt</c> (negatives give NaN)</summary>
    Sqrt,

    /// <summary><c>np.sign</c> (keeps ints as ints; rejects bools like numpy)</summary>
    Sign,
}
