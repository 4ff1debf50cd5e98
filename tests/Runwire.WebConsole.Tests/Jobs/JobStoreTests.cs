using System.Diagnostics;
using Runwire.WebConsole.Jobs;

namespace Runwire.WebConsole.Tests.Jobs;

/// <summary>The job store behind GET /jobs and the console: its bound, its order, its filters, its speed.</summary>
public sealed class JobStoreTests
{
    private static readonly byte[] Result = "{\"result\":\"ok\"}"u8.ToArray();

    [Fact]
    public void TwoHundredThousandJobs_HeldWithinRetainFinished_IndexesShrinkWithThem()
    {
        var store = new JobStore(new JobRetention(Count: 10_000, Bytes: long.MaxValue, Age: TimeSpan.FromHours(1)));
        var trafo = Guid.NewGuid();
        for (var i = 0; i < 200_000; i++)
        {
            var job = Add(store, i % 2 == 0 ? "http" : "kafka", trafo, "wind", key: $"k{i % 1000}");
            store.Finish(job, Result, i % 10 == 0 ? new JobOutcome("ZeroDivisionError", "EXECUTING_COMPONENT_CODE") : new JobOutcome());
            Assert.True(store.Count <= 10_000, $"{store.Count} jobs held after {i + 1}");
        }

        Assert.Equal(10_000, store.Count);
        Assert.Equal(10_000, store.HeldResults);
        var page = store.Query(new JobQuery(Transformation: "wind"));
        Assert.Equal(10_000, page.Matching);
        Assert.Equal(1_000, store.Query(new JobQuery(Status: "failed")).Matching);
        Assert.Equal(9_000, page.ByStatus["succeeded"]);
        // Every one of the thousand keys still has its last ten jobs, and no more.
        Assert.Equal(10, store.Query(new JobQuery(KafkaKey: "k7")).Matching);
        Assert.Equal(10_000L * Result.Length, store.HeldBytes);
    }

    [Fact]
    public void Bytes_OldestEvictedFirst_TheNewestStaysEvenWhenAloneOverTheLimit()
    {
        var store = new JobStore(new JobRetention(Count: 100, Bytes: 1000, Age: TimeSpan.FromHours(1)));
        var jobs = Enumerable.Range(0, 5).Select(_ => Add(store, "http", null, null, request: new byte[300])).ToList();
        foreach (var job in jobs)
        {
            store.Finish(job, new byte[100], new JobOutcome());
        }
        // 400 bytes a job: two fit in 1000.
        Assert.Equal([jobs[4].JobId, jobs[3].JobId], store.Query(new JobQuery()).Jobs.Select(j => j.JobId));
        Assert.True(store.WasEvicted(jobs[0].JobId));
        Assert.Null(store.Find(jobs[0].JobId));

        var huge = Add(store, "http", null, null, request: new byte[5000]);
        store.Finish(huge, new byte[10], new JobOutcome());
        Assert.Equal([huge.JobId], store.Query(new JobQuery()).Jobs.Select(j => j.JobId));
    }

    [Fact]
    public void Age_FinishedJobsOlderThanRetainMinutesGo_RunningOnesStay()
    {
        var time = new ManualTime();
        var store = new JobStore(new JobRetention(Count: 100, Bytes: long.MaxValue, Age: TimeSpan.FromMinutes(5)), time);
        var old = Add(store, "http", null, null);
        store.Finish(old, Result, new JobOutcome());
        var running = Add(store, "kafka", null, null);
        store.Start(running);

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.Null(store.Find(old.JobId));
        Assert.Same(running, store.Find(running.JobId));
        Assert.Equal(JobState.Running, running.State);
    }

    [Fact]
    public void Query_NewestFirstInPages_FiltersCombine_IdSearchFindsWholeAndBeginning()
    {
        var store = new JobStore(new JobRetention(1000, long.MaxValue, TimeSpan.FromHours(1)));
        var rul = Guid.NewGuid();
        var jobs = new List<StoredJob>();
        for (var i = 0; i < 25; i++)
        {
            var job = Add(store, i % 2 == 0 ? "http" : "kafka", i % 3 == 0 ? rul : Guid.NewGuid(), i % 3 == 0 ? "RUL" : "other", key: i % 2 == 0 ? null : "pump-" + (i % 5));
            jobs.Add(job);
            if (i % 4 == 0)
            {
                store.Finish(job, Result, new JobOutcome("ValueError", "EXECUTING_COMPONENT_CODE"));
            }
        }

        var first = store.Query(new JobQuery(Limit: 10));
        Assert.Equal(jobs.AsEnumerable().Reverse().Take(10).Select(j => j.JobId), first.Jobs.Select(j => j.JobId));
        var second = store.Query(new JobQuery(Limit: 10, Before: first.NextBefore));
        Assert.Equal(jobs.AsEnumerable().Reverse().Skip(10).Take(10).Select(j => j.JobId), second.Jobs.Select(j => j.JobId));
        var third = store.Query(new JobQuery(Limit: 10, Before: second.NextBefore));
        Assert.Equal(5, third.Jobs.Count);
        Assert.Null(third.NextBefore);

        var expected = jobs.Where((_, i) => i % 3 == 0 && i % 4 == 0).Reverse().Select(j => j.JobId);
        Assert.Equal(expected, store.Query(new JobQuery(Status: "failed", Transformation: "rul")).Jobs.Select(j => j.JobId));
        Assert.Equal(expected, store.Query(new JobQuery(Status: "failed", Transformation: rul.ToString())).Jobs.Select(j => j.JobId));
        Assert.Equal(jobs.Where((_, i) => i % 2 == 1 && i % 5 == 3).Reverse().Select(j => j.JobId),
            store.Query(new JobQuery(KafkaKey: "pump-3")).Jobs.Select(j => j.JobId));
        Assert.Equal([jobs[7].JobId], store.Query(new JobQuery(Search: jobs[7].JobId.ToString())).Jobs.Select(j => j.JobId));
        Assert.Contains(jobs[7], store.Query(new JobQuery(Search: jobs[7].JobId.ToString("D")[..13].ToUpperInvariant())).Jobs);
        Assert.Empty(store.Query(new JobQuery(KafkaKey: "no-such-key")).Jobs);
    }

    [Fact]
    public void HundredThousandJobsHeld_APageOfAnyFilterTakesUnderFiveMilliseconds()
    {
        var store = new JobStore(new JobRetention(100_000, long.MaxValue, TimeSpan.FromHours(1)));
        var rare = Guid.NewGuid();
        StoredJob? some = null;
        for (var i = 0; i < 100_000; i++)
        {
            var job = Add(store, "kafka", i % 1000 == 0 ? rare : Guid.NewGuid(), null, key: $"k{i % 100}");
            some ??= job;
            store.Finish(job, Result, i % 50 == 0 ? new JobOutcome("ValueError", "EXECUTING_COMPONENT_CODE") : new JobOutcome());
        }
        JobQuery[] queries =
        [
            new(), new(Status: "failed"), new(Transformation: rare.ToString()), new(KafkaKey: "k42"),
            new(Status: "failed", KafkaKey: "k50"), new(Before: 50_000), new(Status: "succeeded", Before: 1_000),
            new(Search: some!.IdText[..4]), new(Search: some.IdText[..1], Status: "succeeded"),
        ];
        foreach (var query in queries)
        {
            Assert.NotEmpty(store.Query(query).Jobs);
        }

        foreach (var query in queries)
        {
            var watch = Stopwatch.StartNew();
            const int Rounds = 20;
            for (var r = 0; r < Rounds; r++)
            {
                store.Query(query);
            }
            var perQuery = watch.Elapsed / Rounds;
            TestContext.Current.TestOutputHelper?.WriteLine($"{query}: {perQuery.TotalMilliseconds:0.000} ms");
            // A scan of the 100,000 jobs takes several milliseconds on these machines; an indexed page a few microseconds.
            Assert.True(perQuery < TimeSpan.FromMilliseconds(5), $"{query} took {perQuery.TotalMilliseconds:0.000} ms");
        }

    }

    private static StoredJob Add(JobStore store, string transport, Guid? trafo, string? name, string? key = null, byte[]? request = null)
    {
        var job = new StoredJob(Guid.NewGuid(), transport, request) { TransformationId = trafo, TransformationName = name, KafkaKey = key };
        Assert.True(store.TryAdd(job, out _));
        return job;
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
