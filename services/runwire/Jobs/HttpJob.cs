using System.Diagnostics;
using Runwire.WebConsole.Jobs;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.ServiceDefaults;
using static Runwire.Core.Telemetry.RunwireTelemetry;

namespace Runwire.Host.Jobs;

/// <summary>
/// A job posted to <c>POST /jobs</c>; its answer is kept on the <see cref="JobBoard"/>. Its span, <c>job</c>, starts
/// when it was accepted and is a child of the POST request's span (the caller's trace), though it runs later.
/// </summary>
internal sealed class HttpJob(ExecutionJob job, StoredJob entry, JobBoard board, ILogger logger) : IQueuedJob
{
    private readonly ActivityContext _parent = Activity.Current?.Context ?? default;
    private readonly DateTimeOffset _acceptedAt = DateTimeOffset.UtcNow;
    private readonly long _acceptedTicks = Stopwatch.GetTimestamp();

    public async Task RunAsync(JobAnswering answering, CancellationToken ct)
    {
        using var span = Source.HasListeners()
            ? Source.StartActivity(ActivityKind.Internal, _parent, startTime: _acceptedAt, name: Spans.Job)
            : null;
        span?.SetTag(Tags.Transport, Transports.Http).SetTag(Tags.JobId, job.JobId.ToString("D"));
        using var scope = logger.BeginScope(LogScope.Of(("JobId", job.JobId.ToString("D"))));
        board.Start(entry);
        var answer = await answering.AnswerAsync(job, logger, ct).ConfigureAwait(false);
        if (answer.Result.Error is { } error)
        {
            span.Fail(error.Type, error.ProcessStage.ToString());
            Log.JobFailed(logger, job.JobId, error.ProcessStage.ToString(), error.Type);
        }
        else
        {
            Log.JobSucceeded(logger, job.JobId);
        }
        board.Finish(entry, answer, span?.TraceId ?? _parent.TraceId);
        JobMetrics.OnAnswered(answer.Result, Transports.Http, Stopwatch.GetElapsedTime(_acceptedTicks));
    }
}
