using System.Diagnostics;
using System.Diagnostics.Metrics;
using Runwire.Core.Contracts;
using Tags = Runwire.Core.Telemetry.RunwireTelemetry.Tags;

namespace Runwire.Core.Telemetry;

/// <summary>
/// The job counters and histograms every host records (Prometheus names in brackets): received
/// [<c>runwire_jobs_received_total</c>], succeeded, failed by hetida's process stage and error type, duplicates
/// skipped, dead-lettered; the job's duration from receipt to its answer being out
/// [<c>runwire_job_duration_seconds</c>] and hetida's measured steps [<c>runwire_step_duration_seconds</c>].
/// Every series carries <c>runwire_transport</c> (kafka, http, dapr).
/// </summary>
public static class JobMetrics
{
    // Jobs take from a fraction of a millisecond to minutes: buckets in seconds over that whole range.
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    };

    private static readonly Counter<long> Received = RunwireTelemetry.Meter.CreateCounter<long>(
        "runwire.jobs.received", "{job}", "Job messages received, before they are decoded.");

    private static readonly Counter<long> Succeeded = RunwireTelemetry.Meter.CreateCounter<long>(
        "runwire.jobs.succeeded", "{job}", "Jobs answered with result \"ok\".");

    private static readonly Counter<long> Failed = RunwireTelemetry.Meter.CreateCounter<long>(
        "runwire.jobs.failed", "{job}", "Jobs answered with result \"failure\", by hetida process stage and error type.");

    private static readonly Counter<long> Duplicates = RunwireTelemetry.Meter.CreateCounter<long>(
        "runwire.jobs.duplicates", "{job}", "Redelivered jobs that were answered before and were skipped.");

    private static readonly Counter<long> DeadLettered = RunwireTelemetry.Meter.CreateCounter<long>(
        "runwire.jobs.dead_lettered", "{job}", "Undecodable job records copied to the dead-letter topic.");

    private static readonly Histogram<double> JobDuration = RunwireTelemetry.Meter.CreateHistogram(
        "runwire.job.duration", "s", "From receiving a job to its answer being out.", advice: SecondsBuckets);

    private static readonly Histogram<double> StepDuration = RunwireTelemetry.Meter.CreateHistogram(
        "runwire.step.duration", "s", "hetida's measured steps of each executed job (LOADING_DATA_FROM_ADAPTERS, EXECUTING_COMPONENT_CODE, ...).",
        advice: SecondsBuckets);

    public static void OnReceived(string transport) => Received.Add(1, new KeyValuePair<string, object?>(Tags.Transport, transport));

    public static void OnDuplicate(string transport) => Duplicates.Add(1, new KeyValuePair<string, object?>(Tags.Transport, transport));

    public static void OnDeadLettered(string transport) => DeadLettered.Add(1, new KeyValuePair<string, object?>(Tags.Transport, transport));

    /// <summary>Counts an answered job and records its duration and hetida's measured steps.</summary>
    public static void OnAnswered(ExecutionResult result, string transport, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(result);
        var transportTag = new KeyValuePair<string, object?>(Tags.Transport, transport);
        if (result.Error is { } error)
        {
            var failed = new TagList
            {
                transportTag,
                { Tags.ProcessStage, error.ProcessStage.ToString() },
                { Tags.ErrorType, error.Type },
            };
            Failed.Add(1, failed);
        }
        else
        {
            Succeeded.Add(1, transportTag);
        }
        if (JobDuration.Enabled)
        {
            JobDuration.Record(duration.TotalSeconds, transportTag,
                new KeyValuePair<string, object?>(Tags.Outcome, result.Ok ? "ok" : "failure"));
        }
        if (StepDuration.Enabled)
        {
            RecordSteps(result.MeasuredSteps, transportTag);
        }
    }

    /// <summary>Records the duration of a step a host measures itself (e.g. a Dapr workflow activity).</summary>
    public static void OnStep(string step, string transport, TimeSpan duration) =>
        StepDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(Tags.Transport, transport),
            new KeyValuePair<string, object?>(Tags.Step, step));

    private static void RecordSteps(MeasuredSteps steps, KeyValuePair<string, object?> transport)
    {
        foreach (var step in (MeasuredStep?[])[steps.InternalFull, steps.PrepareExecutionInput, steps.RunExecutionInput,
                     steps.RuntimeServiceHandling, steps.PureExecution, steps.LoadData, steps.SendData])
        {
            if (step is not null)
            {
                StepDuration.Record(step.DurationSeconds, transport, new KeyValuePair<string, object?>(Tags.Step, step.Name));
            }
        }
    }
}
