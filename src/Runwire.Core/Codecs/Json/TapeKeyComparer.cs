namespace Runwire.Core.Codecs.Json;

/// <summary>Compares property-name tokens of one tape by their unescaped UTF-8 bytes, without making strings.</summary>
internal sealed class TapeKeyComparer(JsonTape tape) : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => tape.Utf8(x).SequenceEqual(tape.Utf8(y));

    public int GetHashCode(int obj)
    {
        var hash = new HashCode();
        hash.AddBytes(tape.Utf8(obj));
        return hash.ToHashCode();
    }
}
