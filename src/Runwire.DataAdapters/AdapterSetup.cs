using Microsoft.Extensions.DependencyInjection;
using Runwire.Core.Adapters;
using Runwire.DataAdapters.GenericRest;
using Runwire.DataAdapters.Kafka;
using Runwire.DataAdapters.LocalFile;
using Runwire.DataAdapters.Protocol;
using Runwire.DataAdapters.Sql;

namespace Runwire.DataAdapters;

/// <summary>
/// Registers the built-in adapters (for in-process jobs and the protocol endpoints) and the external generic REST
/// adapters, and the <see cref="AdapterRegistry"/> the engine uses. An external adapter registered under a built-in id
/// replaces the in-process one: that is how the executor sends its file and SQL work to the adapters service.
/// </summary>
public static class AdapterSetup
{
    public const string HttpClientName = "runwire-adapters";

    public static IServiceCollection AddRunwireAdapters(this IServiceCollection services, AdapterSettings settings)
    {
        services.AddSingleton(settings);
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(10));
        services.AddSingleton(_ => new ProtocolAdapters(Builtins(settings), settings.MaxBodyBytes));
        services.AddSingleton(sp => Registry(
            sp.GetRequiredService<ProtocolAdapters>(),
            settings.External,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        return services;
    }

    /// <summary>The registry without a service container (the CLI): one HttpClient per external adapter.</summary>
    public static AdapterRegistry CreateRegistry(AdapterSettings settings) =>
        Registry(new ProtocolAdapters(Builtins(settings), settings.MaxBodyBytes), settings.External,
            () => new HttpClient { Timeout = TimeSpan.FromMinutes(10) });

    public static AdapterRegistry Registry(ProtocolAdapters builtins, IEnumerable<RestAdapterOptions> external, Func<HttpClient> http)
    {
        var externals = external.ToList();
        var clients = externals.Select(e => new RestAdapterClient(e, WithKey(http(), e.ApiKey))).ToList();
        var inProcess = builtins.All.Where(b => externals.All(e => e.Id != b.Id)).ToList();
        var notConfigured = NotConfiguredHints
            .Where(h => builtins.All.All(b => b.Id != h.Key) && externals.All(e => e.Id != h.Key))
            .ToDictionary(h => h.Key, h => h.Value);
        // An adapter whose values are not frames (kafka) loads and sends itself; the others go through BuiltinAdapter.
        return new AdapterRegistry(
            [.. inProcess.Select(b => b as ISourceAdapter ?? new BuiltinAdapter(b)), .. clients],
            [.. inProcess.Select(b => b as ISinkAdapter ?? new BuiltinAdapter(b)), .. clients],
            notConfigured);
    }

    /// <summary>What turns each built-in adapter on (docs/adapters.md), for the failure of a job that wires one that is off.</summary>
    private static readonly Dictionary<string, string> NotConfiguredHints = new()
    {
        [LocalFileAdapter.AdapterId] = "set Runwire:Adapters:LocalFile:Roots (or RUNTIME_LOCAL_FILE_ADAPTER_LOCAL_DIRECTORIES) to the folders it may read and write",
        [SqlAdapter.AdapterId] = "set Runwire:Adapters:Sql:Databases (or SQL_ADAPTER_SQL_DATABASES) to the databases it may use",
        [KafkaAdapter.AdapterId] = "set Runwire:Adapters:Kafka:Configs (or HD_KAFKA_CONFIGS) to the Kafka configs it offers",
    };

    // Each adapter gets its own HttpClient instance (the factory's share their handlers), so a key goes to its adapter only.
    private static HttpClient WithKey(HttpClient http, string? apiKey)
    {
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }
        return http;
    }

    private static IEnumerable<IProtocolAdapter> Builtins(AdapterSettings settings)
    {
        if (settings.LocalFile is { } files)
        {
            yield return new LocalFileAdapter(files);
        }
        if (settings.Sql is { } sql)
        {
            yield return new SqlAdapter(sql);
        }
        if (settings.Kafka is { } kafka)
        {
            yield return new KafkaAdapter(kafka);
        }
    }
}
