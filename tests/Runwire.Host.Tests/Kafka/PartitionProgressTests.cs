using Confluent.Kafka;
using Runwire.Host.Kafka;

namespace Runwire.Host.Tests.Kafka;

public sealed class PartitionProgressTests
{
    private readonly PartitionProgress _progress = new(new TopicPartition("jobs", 0));

    [Fact]
    public void OutOfOrderAnswers_CommitPointIsLowestUnanswered()
    {
        foreach (var offset in new long[] { 10, 11, 12 })
        {
            _progress.Dispatched(offset);
            Assert.True(_progress.TryStart());
        }
        _progress.Finished(12, answered: true);
        _progress.Finished(10, answered: true);
        Assert.Equal(11, _progress.CommitPoint()!.Offset.Value);
        _progress.Committed(11);
        Assert.Null(_progress.CommitPoint());
        _progress.Finished(11, answered: true);
        Assert.Equal(13, _progress.CommitPoint()!.Offset.Value);
    }

    [Fact]
    public void NotAnswered_NeverCommittedPast()
    {
        _progress.Dispatched(5);
        Assert.True(_progress.TryStart());
        _progress.Finished(5, answered: false);
        Assert.Equal(5, _progress.CommitPoint()!.Offset.Value);
    }

    [Fact]
    public async Task Revoked_NewJobsRefused_WaitsForRunningOnes()
    {
        _progress.Dispatched(1);
        _progress.Dispatched(2);
        Assert.True(_progress.TryStart());
        var revoked = _progress.RevokeAsync();
        Assert.False(revoked.IsCompleted);
        Assert.False(_progress.TryStart());
        _progress.Finished(1, answered: true);
        await revoked;
        Assert.Equal(2, _progress.CommitPoint()!.Offset.Value);
    }

    [Fact]
    public async Task Abandoned_RunningJobToldNotToAnswer_RevokedOnesAnswerAsBefore()
    {
        var lost = new PartitionProgress(new TopicPartition("jobs", 1));
        lost.Dispatched(1);
        Assert.True(lost.TryStart());
        _progress.Dispatched(1);
        Assert.True(_progress.TryStart());

        var abandoned = lost.AbandonAsync();
        var revoked = _progress.RevokeAsync();
        Assert.True(lost.Abandoned);
        Assert.False(_progress.Abandoned);
        Assert.False(lost.TryStart());
        lost.Finished(1, answered: false);
        _progress.Finished(1, answered: true);
        await Task.WhenAll(abandoned, revoked);
        Assert.Equal(1, lost.CommitPoint()!.Offset.Value);
    }
}
