namespace Runwire.Core.Codecs.Pandas;

/// <summary>A forward-only reader over the ASCII bytes of a date string.</summary>
internal ref struct DateCursor(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private int _position;

    public readonly bool More => _position < _text.Length;

    public readonly byte Current => _text[_position];

    public readonly ReadOnlySpan<byte> Rest => _text[_position..];

    public readonly byte Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : (byte)0;

    public void Advance(int count) => _position += count;

    public bool Take(byte expected)
    {
        if (More && Current == expected)
        {
            _position++;
            return true;
        }
        return false;
    }

    public readonly int CountDigits()
    {
        var n = 0;
        while (_position + n < _text.Length && _text[_position + n] is >= (byte)'0' and <= (byte)'9')
        {
            n++;
        }
        return n;
    }

    public int Number(int digits)
    {
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            value = value * 10 + (_text[_position++] - '0');
        }
        return value;
    }

    /// <summary>Reads fraction digits as ticks (100 ns), truncating digits below the tick.</summary>
    public long Fraction(int digits)
    {
        long ticks = 0;
        for (var i = 0; i < 7; i++)
        {
            ticks = ticks * 10 + (i < digits ? _text[_position + i] - '0' : 0);
        }
        _position += digits;
        return ticks;
    }
}
