namespace Runwire.Core.Codecs.Json;

/// <summary>The kind of one token of a <see cref="JsonTape"/>.</summary>
internal enum TapeKind : byte
{
    Null,
    True,
    False,
    Integer,
    Float,
    NaN,
    PositiveInfinity,
    NegativeInfinity,
    String,
    PropertyName,
    Object,
    Array,
}
