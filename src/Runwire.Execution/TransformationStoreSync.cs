using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runwire.Core.Transformations;

namespace Runwire.Execution;

/// <summary>
/// Keeps the transformation store in step with its folder when several executor replicas share it (one volume, see
/// docs/dapr.md "Transformation store"): every <c>Runwire:StoreRefreshSeconds</c> (5 by default) it takes in what the
/// other replicas imported. Also the store's readiness: healthy while its folder can be written and the last refresh
/// worked, so a broken volume takes the replica out of service instead of failing its jobs.
/// </summary>
internal sealed class TransformationStoreSync(TransformationStore store, RunwireOptions options, ILogger<TransformationStoreSync> log)
    : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "transformation-store";

    private volatile string? _lastFault;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.DataDirectory is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.StoreRefresh);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var changed = store.Refresh();
                if (changed > 0)
                {
                    Log.StoreRefreshed(log, changed);
                }
                _lastFault = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _lastFault = e.Message;
                Log.StoreRefreshFailed(log, e);
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.DataDirectory is not { } directory)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Imports are kept in memory (Runwire:DataDirectory is not set)."));
        }
        var folder = Path.Combine(directory, "transformations");
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The transformation store folder {folder} cannot be written: {e.Message}"));
        }
        return Task.FromResult(_lastFault is { } fault
            ? HealthCheckResult.Unhealthy($"The transformation store folder {folder} could not be read: {fault}")
            : HealthCheckResult.Healthy($"{store.Count} transformations; folder {folder}."));
    }
}
