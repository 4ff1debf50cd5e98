namespace Runwire.Core.Codecs.Pandas;

/// <summary>What pandas sees in one cell of parsed JSON: the Python object <c>ujson.loads</c> made of it.</summary>
internal enum CellKind : byte
{
    /// <summary>No value at all (a row missing from a column when frames are aligned): float NaN.</summary>
    Missing,
    Null,
    Integer,
    Float,
    Bool,
    String,
    Nested,
}
