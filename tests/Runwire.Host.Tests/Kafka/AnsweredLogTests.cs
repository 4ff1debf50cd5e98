using Runwire.Host.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

public sealed class AnsweredLogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string File => Path.Combine(_dir.Path, "answered.log");

    [Fact]
    public async Task Recorded_AfterReopen_StillAnswered()
    {
        using (var log = new AnsweredLog(File))
        {
            Assert.Null(log.Claim("job:a"));
            log.Record("job:a");
        }
        using var reopened = new AnsweredLog(File);
        Assert.True(await reopened.Claim("job:a")!);
        Assert.Null(reopened.Claim("job:b"));
    }

    [Fact]
    public async Task ClaimedTwice_SecondWaitsForTheFirst()
    {
        using var log = new AnsweredLog(File);
        Assert.Null(log.Claim("k"));
        var waiting = log.Claim("k")!;
        Assert.False(waiting.IsCompleted);
        log.Record("k");
        Assert.True(await waiting);
    }

    [Fact]
    public async Task Released_WaiterMayTryAgain()
    {
        using var log = new AnsweredLog(File);
        Assert.Null(log.Claim("k"));
        var waiting = log.Claim("k")!;
        log.Release("k");
        Assert.False(await waiting);
        Assert.Null(log.Claim("k"));
    }

    [Fact]
    public async Task TornLastLine_NextKeyStillReadable()
    {
        await System.IO.File.WriteAllTextAsync(File, "job:a\njob:b-cut-short", TestContext.Current.CancellationToken);
        using (var log = new AnsweredLog(File))
        {
            log.Record("job:c");
        }
        using var reopened = new AnsweredLog(File);
        Assert.True(await reopened.Claim("job:a")!);
        Assert.True(await reopened.Claim("job:c")!);
    }

    [Fact]
    public void ManyEntries_CompactedToTheNewest()
    {
        System.IO.File.WriteAllLines(File, Enumerable.Range(0, 100).Select(i => $"job:{i}"));
        using var log = new AnsweredLog(File, maxEntries: 50);
        Assert.Equal(25, log.Count);
        Assert.Null(log.Claim("job:0"));
        Assert.NotNull(log.Claim("job:99"));
    }

    public void Dispose() => _dir.Dispose();
}
