using Runwire.Core.Codecs.Json;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// A column of JSON values as read, before pandas' dtype inference: token indexes into a <see cref="JsonTape"/>
/// (-1 for a missing cell), so that a million values cost one int each until their dtype is known.
/// </summary>
internal sealed class Cells(JsonTape tape, int[] tokens)
{
    private CellKind[]? _kinds;
    private NpDtype? _dtype;
    private double[]? _doubles;

    public JsonTape Tape { get; } = tape;

    public int[] Tokens { get; } = tokens;

    public int Length => Tokens.Length;

    /// <summary>The constructor's dtype, inferred once (conversions ask for it repeatedly).</summary>
    public NpDtype Dtype => _dtype ??= Dtypes.Infer(this);

    public CellKind Kind(int i) => (_kinds ??= Classify())[i];

    /// <summary>The float value of every cell of a float64 column (missing and null as NaN), parsed once.</summary>
    public double[] Doubles()
    {
        if (_doubles is null)
        {
            _doubles = new double[Length];
            for (var i = 0; i < _doubles.Length; i++)
            {
                _doubles[i] = Kind(i) is CellKind.Null or CellKind.Missing ? double.NaN : Double(i);
            }
        }
        return _doubles;
    }

    private CellKind[] Classify()
    {
        var kinds = new CellKind[Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = KindOf(Tokens[i]);
        }
        return kinds;
    }

    private CellKind KindOf(int token)
    {
        if (token < 0)
        {
            return CellKind.Missing;
        }
        return Tape.Kind(token) switch
        {
            TapeKind.Null => CellKind.Null,
            TapeKind.True or TapeKind.False => CellKind.Bool,
            // ints beyond the long range are taken as floats (Python and ujson would keep big ints)
            TapeKind.Integer => Tape.GetInt64(token) is null ? CellKind.Float : CellKind.Integer,
            TapeKind.Float or TapeKind.NaN or TapeKind.PositiveInfinity or TapeKind.NegativeInfinity => CellKind.Float,
            TapeKind.String or TapeKind.PropertyName => CellKind.String,
            _ => CellKind.Nested,
        };
    }

    public long Int64(int i) => Tape.GetInt64(Tokens[i])!.Value;

    public double Double(int i) => Tape.GetDouble(Tokens[i]);

    public bool Bool(int i) => Tape.Kind(Tokens[i]) == TapeKind.True;

    public ReadOnlySpan<byte> Utf8(int i) => Tape.Utf8(Tokens[i]);

    public string String(int i) => Tape.GetString(Tokens[i]);

    /// <summary>The cell as an engine value of an object column (missing → NaN, null → None).</summary>
    public object? Box(int i) => Kind(i) switch
    {
        CellKind.Missing => (object)double.NaN,
        CellKind.Null => null,
        CellKind.Integer => Int64(i),
        CellKind.Float => Double(i),
        CellKind.Bool => Bool(i),
        CellKind.String => String(i),
        _ => PyJson.ToNode(Tape, Tokens[i]),
    };

    public static Cells Of(JsonTape tape, int[] tokens) => new(tape, tokens);
}
