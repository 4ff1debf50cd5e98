using System.Runtime.InteropServices;

namespace Runwire.Core.Codecs.Json;

/// <summary>
/// One token of a <see cref="JsonTape"/>. Strings and numbers point into the UTF-8 source (<see cref="Offset"/>,
/// <see cref="Length"/>); escaped strings point into the tape's side table instead (<see cref="Escaped"/>).
/// Containers record the index just past their last descendant (<see cref="End"/>) and their number of children (<see cref="Count"/>).
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct TapeToken
{
    public TapeKind Kind;
    public bool Escaped;
    public int Offset;
    public int Length;
    public int End;
    public int Count;
}
