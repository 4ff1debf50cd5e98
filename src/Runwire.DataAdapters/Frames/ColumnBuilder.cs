using Runwire.Core.Data;

namespace Runwire.DataAdapters.Frames;

/// <summary>
/// Builds one column from values of unknown type, inferring the dtype as pandas does when it reads records or CSV:
/// integers stay int64 until a missing value or a float makes them float64, booleans with gaps and mixed values
/// become object. Values arrive typed; each stays in an unboxed chunked buffer while the dtype allows it.
/// </summary>
internal sealed class ColumnBuilder
{
    private enum State { Empty, Int, Float, Bool, Date, Object }

    private State _state = State.Empty;
    private int _leadingMissing;
    private ChunkedBuffer<long>? _longs;
    private ChunkedBuffer<double>? _doubles;
    private ChunkedBuffer<bool>? _bools;
    private ChunkedBuffer<object?>? _objects;
    private bool _dateUtc;

    /// <summary>True once a value forced a numeric, boolean or date column to object (CSV then rereads the texts).</summary>
    public bool DegradedToObject { get; private set; }

    public int Count { get; private set; }

    public void AddMissing()
    {
        Count++;
        switch (_state)
        {
            case State.Empty: _leadingMissing++; break;
            case State.Int: ToFloat(); _doubles!.Add(double.NaN); break;
            case State.Float: _doubles!.Add(double.NaN); break;
            case State.Date: _longs!.Add(DateTimeColumn.NaT); break;
            case State.Bool: ToObject(); _objects!.Add(null); break;
            default: _objects!.Add(null); break;
        }
    }

    public void Add(long value)
    {
        Count++;
        switch (_state)
        {
            case State.Empty when _leadingMissing == 0: _state = State.Int; _longs = new(); _longs.Add(value); break;
            case State.Empty: Start(State.Float); _doubles!.Add(value); break;
            case State.Int: _longs!.Add(value); break;
            case State.Float: _doubles!.Add(value); break;
            default: AddObject(value); break;
        }
    }

    public void Add(double value)
    {
        Count++;
        switch (_state)
        {
            case State.Empty: Start(State.Float); _doubles!.Add(value); break;
            case State.Int: ToFloat(); _doubles!.Add(value); break;
            case State.Float: _doubles!.Add(value); break;
            default: AddObject(value); break;
        }
    }

    public void Add(bool value)
    {
        Count++;
        switch (_state)
        {
            case State.Empty when _leadingMissing == 0: _state = State.Bool; _bools = new(); _bools.Add(value); break;
            case State.Bool: _bools!.Add(value); break;
            default: AddObject(value); break;
        }
    }

    public void AddDate(long ticks, bool utc)
    {
        Count++;
        switch (_state)
        {
            case State.Empty:
                Start(State.Date);
                _dateUtc = utc;
                _longs!.Add(ticks);
                break;
            case State.Date when _dateUtc == utc: _longs!.Add(ticks); break;
            default: AddObject(new DateTime(ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified)); break;
        }
    }

    public void AddObjectNode(object value)
    {
        Count++;
        AddObject(value);
    }

    public void Add(string value)
    {
        Count++;
        AddObject(value);
    }

    public Column Build() => _state switch
    {
        State.Empty => new Float64Column(Enumerable.Repeat(double.NaN, _leadingMissing).ToArray()),
        State.Int => new Int64Column(_longs!.ToArray()),
        State.Float => new Float64Column(_doubles!.ToArray()),
        State.Bool => new BoolColumn(_bools!.ToArray()),
        State.Date => new DateTimeColumn(_longs!.ToArray(), _dateUtc),
        _ => new ObjectColumn(_objects!.ToArray()),
    };

    private void AddObject(object value)
    {
        if (_state != State.Object)
        {
            ToObject();
        }
        _objects!.Add(value);
    }

    private void Start(State state)
    {
        _state = state;
        if (state is State.Float)
        {
            _doubles = new();
            for (var i = 0; i < _leadingMissing; i++)
            {
                _doubles.Add(double.NaN);
            }
        }
        else
        {
            _longs = new();
            for (var i = 0; i < _leadingMissing; i++)
            {
                _longs.Add(DateTimeColumn.NaT);
            }
        }
    }

    private void ToFloat()
    {
        _doubles = _longs!.Select(l => (double)l);
        _longs = null;
        _state = State.Float;
    }

    private void ToObject()
    {
        var utc = _dateUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified;
        DegradedToObject |= _state is State.Int or State.Float or State.Bool or State.Date;
        _objects = _state switch
        {
            State.Int => _longs!.Select(l => (object?)l),
            State.Float => _doubles!.Select(d => double.IsNaN(d) ? null : (object?)d),
            State.Bool => _bools!.Select(b => (object?)b),
            State.Date => _longs!.Select(t => t == DateTimeColumn.NaT ? null : (object?)new DateTime(t, utc)),
            _ => Repeat(_leadingMissing),
        };
        _longs = null;
        _doubles = null;
        _bools = null;
        _state = State.Object;
    }

    private static ChunkedBuffer<object?> Repeat(int count)
    {
        var buffer = new ChunkedBuffer<object?>();
        for (var i = 0; i < count; i++)
        {
            buffer.Add(null);
        }
        return buffer;
    }
}
