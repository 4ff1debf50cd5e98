using System.Text;

namespace Runwire.Host.Kafka;

/// <summary>
/// Which jobs have been answered, kept across restarts: one key per line in an append-only file, loaded at start.
/// A key is <c>job:&lt;job_id&gt;</c>: the payload's job id, else the one <see cref="TopicOrigin"/> derives from the record's
/// cluster, topic, partition and offset (so a new cluster or topic at reused offsets is not taken for answered jobs).
/// It also serialises jobs with the same key that are in flight at once, so a burst of copies runs once.
/// </summary>
internal sealed class AnsweredLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<bool>> _inFlight = new(StringComparer.Ordinal);
    private readonly FileStream _file;

    public AnsweredLog(string path, int maxEntries = 1_000_000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length > maxEntries)
            {
                // Old keys only matter while their records can still be redelivered; keep the newest half.
                lines = lines[^(maxEntries / 2)..];
                File.WriteAllLines(path + ".tmp", lines);
                File.Move(path + ".tmp", path, overwrite: true);
            }
            _answered.UnionWith(lines.Where(l => l.Length > 0));
        }
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        if (_file.Length > 0 && !EndsWithNewline(path))
        {
            // A crash cut the last line short: start a fresh line so the next key is not glued to it.
            _file.WriteByte((byte)'\n');
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _answered.Count;
            }
        }
    }

    /// <summary>
    /// Null when the caller now owns the key and must <see cref="Record"/> or <see cref="Release"/> it; else a task that
    /// is true when the job is (or became) answered, false when the other holder gave up and the caller should try again.
    /// </summary>
    public Task<bool>? Claim(string key)
    {
        lock (_gate)
        {
            if (_answered.Contains(key))
            {
                return Task.FromResult(true);
            }
            if (_inFlight.TryGetValue(key, out var other))
            {
                return other.Task;
            }
            _inFlight[key] = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            return null;
        }
    }

    /// <summary>The answer is published: remember it before the offset may be committed.</summary>
    public void Record(string key)
    {
        var line = Encoding.UTF8.GetBytes(key + "\n");
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            // One write per key, flushed to the OS, so a killed process keeps it (a power loss may not).
            _file.Write(line);
            _file.Flush();
            _answered.Add(key);
            _inFlight.Remove(key, out waiting);
        }
        waiting?.TrySetResult(true);
    }

    /// <summary>A job another host answered (read from the answered topic): known in memory, not written to the file.</summary>
    public void Remember(string key)
    {
        lock (_gate)
        {
            _answered.Add(key);
        }
    }

    public void Release(string key)
    {
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            _inFlight.Remove(key, out waiting);
        }
        waiting?.TrySetResult(false);
    }

    public void Dispose() => _file.Dispose();

    private static bool EndsWithNewline(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() == '\n';
    }
}
