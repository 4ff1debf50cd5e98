using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Runwire.Core.Transformations;

namespace Runwire.Execution;

/// <summary>
/// Readiness: the transformation store was built, and where imports are persisted the folder takes a file (on a read-only
/// root file system without a volume at <c>Runwire:DataDirectory</c> every import would answer 500), and the last
/// refresh from the folder other replicas share worked (<see cref="TransformationStoreSync"/>).
/// </summary>
internal sealed class TransformationStoreHealthCheck(IServiceProvider services, RunwireOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        TransformationStore store;
        try
        {
            store = services.GetRequiredService<TransformationStore>();
        }
        catch (Exception e) when (e is TransformationImportException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The transformation store cannot be built: {e.Message}", e));
        }
        var data = new Dictionary<string, object> { ["revisions"] = store.Count };
        if (options.DataDirectory is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{store.Count} transformation revisions, kept in memory.", data));
        }
        var folder = Path.GetFullPath(Path.Combine(options.DataDirectory, "transformations"));
        data["directory"] = folder;
        try
        {
            Directory.CreateDirectory(folder);
            // Not *.json: the store imports every JSON file of the folder at start.
            var probe = Path.Combine(folder, $".ready-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"The transformation store folder {folder} (Runwire:DataDirectory) cannot be written: {e.Message}", e, data));
        }
        if (services.GetService<TransformationStoreSync>()?.LastFault is { } fault)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The transformation store folder {folder} could not be read: {fault}", null, data));
        }
        return Task.FromResult(HealthCheckResult.Healthy($"{store.Count} transformation revisions; imports are kept in {folder}.", data));
    }
}
