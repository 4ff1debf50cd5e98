using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runwire.Core.Transformations;

namespace Runwire.Execution;

/// <summary>
/// Keeps the transformation store in step with its folder when several executor replicas share it (one volume, see
/// docs/dapr.md "Transformation store"): every <c>Runwire:StoreRefreshSeconds</c> (5 by default) it takes in what the
/// other replicas imported. A refresh that failed is reported by <see cref="TransformationStoreHealthCheck"/>, so a
/// broken volume takes the replica out of service instead of failing its jobs.
/// </summary>
internal sealed class TransformationStoreSync(IServiceProvider services, RunwireOptions options, ILogger<TransformationStoreSync> log)
    : BackgroundService
{
    private volatile string? _lastFault;

    /// <summary>Why the last refresh failed; null while refreshes work.</summary>
    public string? LastFault => _lastFault;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.DataDirectory is null)
        {
            return;
        }
        TransformationStore store;
        try
        {
            store = services.GetRequiredService<TransformationStore>();
        }
        catch (Exception e) when (e is TransformationImportException or IOException or UnauthorizedAccessException)
        {
            return; // the store's health check reports why it cannot be built
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
}
