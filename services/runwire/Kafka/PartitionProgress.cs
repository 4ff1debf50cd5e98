using Confluent.Kafka;

namespace Runwire.Host.Kafka;

/// <summary>
/// The offsets of one assigned partition that are not answered yet. Jobs finish out of order, so the offset to
/// commit is the lowest unanswered one: everything before it is answered, nothing after it is claimed.
/// </summary>
internal sealed class PartitionProgress(TopicPartition partition)
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _unanswered = [];
    private long _next = -1;
    private long _committed = -1;
    private int _running;
    private bool _revoked;
    private bool _abandoned;
    private TaskCompletionSource? _idle;

    public TopicPartition Partition => partition;

    public bool Revoked
    {
        get
        {
            lock (_gate)
            {
                return _revoked;
            }
        }
    }

    /// <summary>Lost, not handed over: another host may already run its jobs, so answers not yet sent are dropped.</summary>
    public bool Abandoned
    {
        get
        {
            lock (_gate)
            {
                return _abandoned;
            }
        }
    }

    public void Dispatched(long offset)
    {
        lock (_gate)
        {
            _unanswered.Add(offset);
            _next = Math.Max(_next, offset + 1);
        }
    }

    /// <summary>False once the partition is revoked: the job is left to the partition's next owner.</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (_revoked)
            {
                return false;
            }
            _running++;
            return true;
        }
    }

    public void Finished(long offset, bool answered)
    {
        lock (_gate)
        {
            _running--;
            if (answered)
            {
                _unanswered.Remove(offset);
            }
            if (_running == 0)
            {
                _idle?.TrySetResult();
            }
        }
    }

    /// <summary>The offset to commit when it moved since the last commit.</summary>
    public TopicPartitionOffset? CommitPoint()
    {
        lock (_gate)
        {
            var point = _unanswered.Count > 0 ? _unanswered.Min : _next;
            return point > _committed ? new TopicPartitionOffset(partition, point) : null;
        }
    }

    public void Committed(long offset)
    {
        lock (_gate)
        {
            _committed = Math.Max(_committed, offset);
        }
    }

    /// <summary>As <see cref="RevokeAsync"/>, and answers of running jobs are not published (see <see cref="Abandoned"/>).</summary>
    public Task AbandonAsync()
    {
        lock (_gate)
        {
            _abandoned = true;
        }
        return RevokeAsync();
    }

    /// <summary>Stops new jobs of this partition from starting; completes when the running ones are answered.</summary>
    public Task RevokeAsync()
    {
        lock (_gate)
        {
            _revoked = true;
            if (_running == 0)
            {
                return Task.CompletedTask;
            }
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
