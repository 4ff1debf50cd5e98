using System.Diagnostics.Metrics;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;

namespace Runwire.Host.Jobs;

/// <summary>
/// Runs queued jobs with a fixed number of workers. Stopping lets every worker finish the job it holds (the
/// answer is sent, so nothing answered is lost) and leaves queued jobs alone: Kafka redelivers them.
/// </summary>
internal sealed class JobRunner : BackgroundService
{
    private readonly JobQueue _queue;
    private readonly JobsOptions _options;
    private readonly JobAnswering _answering;
    private readonly ILogger<JobRunner> _logger;
    private readonly Meter _meter;
    private int _inFlight;

    public JobRunner(JobQueue queue, JobsOptions options, JobAnswering answering, ILogger<JobRunner> logger, IMeterFactory meters)
    {
        _queue = queue;
        _options = options;
        _answering = answering;
        _logger = logger;
        // A meter of this host (not the static one): two hosts in one process each report their own queue.
        _meter = meters.Create(RunwireTelemetry.Name);
        _meter.CreateObservableGauge("runwire.queue.depth", () => queue.Count, "{job}",
            "Jobs waiting in the standalone host's queue (HTTP and Kafka).");
        _meter.CreateObservableGauge("runwire.queue.capacity", () => queue.Capacity, "{job}",
            "Capacity of the standalone host's job queue; when full, Kafka consumption pauses and POST /jobs answers 503.");
        _meter.CreateObservableGauge("runwire.jobs.in_flight", () => Volatile.Read(ref _inFlight), "{job}",
            "Jobs the standalone host's workers are executing right now.");
    }

    /// <summary>Jobs a worker is executing right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (!stoppingToken.IsCancellationRequested && _queue.Reader.TryRead(out var job))
                {
                    Interlocked.Increment(ref _inFlight);
                    try
                    {
                        // The job itself is not cancelled by a stop: a graceful stop finishes what it started.
                        await job.RunAsync(_answering, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        Log.JobCrashed(_logger, e);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _inFlight);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
