using Microsoft.Extensions.Configuration;

namespace Runwire.Execution;

/// <summary>
/// Settings under <c>Runwire:</c> (environment <c>Runwire__DataDirectory</c> etc.).
/// DataDirectory: where imported transformations are persisted (null = memory only).
/// ShippedTransformations: overrides the folder of shipped transformations.
/// ImportDirectories: more folders in hetida's export format to import at start (e.g. hetida's own exports).
/// StoreRefreshSeconds: how often imports other processes persisted to DataDirectory are taken in (replicas sharing it).
/// </summary>
public sealed record RunwireOptions(string? DataDirectory, string? ShippedTransformations, IReadOnlyList<string> ImportDirectories)
{
    public TimeSpan StoreRefresh { get; init; } = TimeSpan.FromSeconds(5);

    public static RunwireOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Runwire");
        return new RunwireOptions(
            section["DataDirectory"],
            section["ShippedTransformations"],
            section.GetSection("ImportDirectories").GetChildren().Select(c => c.Value!).Where(v => v is not null).ToList())
        {
            StoreRefresh = TimeSpan.FromSeconds(Math.Max(0.05, section.GetValue("StoreRefreshSeconds", 5.0))),
        };
    }
}
