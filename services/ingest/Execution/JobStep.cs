using System.Diagnostics;
using Runwire.Core.Telemetry;

namespace Runwire.Ingest.Execution;

/// <summary>
/// One activity run as telemetry sees it: the job's log scope, the job's trace as <see cref="Activity.Current"/> (which
/// HttpClient and DaprClient propagate), and the run's duration as step <c>workflow &lt;activity&gt;</c>. Activities
/// are not replayed, so each run is measured once; a retried run ran again and is measured again.
/// </summary>
internal sealed class JobStep : IDisposable
{
    private readonly string _step;
    private readonly IDisposable? _scope;
    private readonly Activity? _previous;
    private readonly Activity? _joined;
    private readonly long _started = Stopwatch.GetTimestamp();

    private JobStep(ILogger log, string activity, JobTrace job)
    {
        _step = "workflow " + activity;
        _scope = Log.BeginJob(log, job.JobId, job.KafkaKey);
        _previous = Activity.Current;
        _joined = Join(_step, job.Traceparent);
    }

    public static JobStep Begin(ILogger log, string activity, JobTrace job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobStep(log, activity, job);
    }

    /// <summary>
    /// Continues the job's trace when the current activity is not in it: daprd hands an activity its trace context
    /// only when it traces itself, and Dapr.Workflow restores only that (dapr-notes §6.1). A span when tracing is on,
    /// else a plain <see cref="Activity"/>, which costs a few objects and makes the outgoing calls carry the job's trace.
    /// </summary>
    internal static Activity? Join(string name, string? traceparent)
    {
        if (traceparent is null || !ActivityContext.TryParse(traceparent, null, isRemote: true, out var parent))
        {
            return null;
        }
        if (Activity.Current is { } current && current.TraceId == parent.TraceId)
        {
            return null;
        }
        return RunwireTelemetry.Source.StartActivity(name, ActivityKind.Internal, parent)
            ?? new Activity(name).SetParentId(traceparent).Start();
    }

    public void Dispose()
    {
        if (_joined is not null)
        {
            _joined.Dispose();
            // A span started from a remote parent has no parent object, so stopping it would leave no current activity.
            Activity.Current = _previous;
        }
        _scope?.Dispose();
        JobMetrics.OnStep(_step, RunwireTelemetry.Transports.Dapr, Stopwatch.GetElapsedTime(_started));
    }
}
