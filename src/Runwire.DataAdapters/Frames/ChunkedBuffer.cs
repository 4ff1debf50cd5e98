namespace Runwire.DataAdapters.Frames;

/// <summary>
/// An append-only buffer in fixed chunks: growing never copies, so reading a column of unknown length peaks at about
/// twice its final size (chunks plus the final array) instead of three times with a doubling list.
/// </summary>
internal sealed class ChunkedBuffer<T>
{
    private const int ChunkSize = 1 << 16;
    private readonly List<T[]> _chunks = [];
    private T[] _current = [];
    private int _used = ChunkSize;

    public int Count { get; private set; }

    public void Add(T value)
    {
        if (_used == ChunkSize)
        {
            _current = new T[ChunkSize];
            _chunks.Add(_current);
            _used = 0;
        }
        _current[_used++] = value;
        Count++;
    }

    public T this[int index] => _chunks[index / ChunkSize][index % ChunkSize];

    public T[] ToArray()
    {
        var result = new T[Count];
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            var n = Math.Min(ChunkSize, Count - offset);
            Array.Copy(chunk, 0, result, offset, n);
            offset += n;
        }
        return result;
    }

    public ChunkedBuffer<TOut> Select<TOut>(Func<T, TOut> convert)
    {
        var result = new ChunkedBuffer<TOut>();
        for (var i = 0; i < Count; i++)
        {
            result.Add(convert(this[i]));
        }
        return result;
    }
}
