namespace Runwire.Core.Components.Python;

/// <summary>A Python rich comparison, applied with <see cref="PyOps.Compare"/> or pandas' flex form <see cref="PyOps.CompareFlex"/>.</summary>
public enum CompareOp
{
    /// <summary><c>==</c> / <c>.eq</c></summary>
    Eq,

    /// <summary><c>!=</c> / <c>.ne</c></summary>
    Ne,

    /// <summary><c>&lt;</c> / <c>.lt</c></summary>
    Lt,

    /// <summary><c>&lt;=</c> / <c>.le</c></summary>
    Le,

    /// <summary><c>&gt;</c> / <c>.gt</c></summary>
    Gt,

    /// <summary><c>&gt;=</c> / <c>.ge</c></summary>
    Ge,
}
