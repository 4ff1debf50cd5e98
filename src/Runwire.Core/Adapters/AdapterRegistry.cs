namespace Runwire.Core.Adapters;

/// <summary>
/// Source and sink adapters by id. direct_provisioning is built into the engine; every other id must be registered,
/// or the job fails like hetida's unknown generic REST adapter. A built-in adapter that is not configured is named as
/// such, with the setting that turns it on (<paramref name="notConfigured"/>: adapter id → what to configure).
/// </summary>
public sealed class AdapterRegistry(IEnumerable<ISourceAdapter> sources, IEnumerable<ISinkAdapter> sinks,
    IReadOnlyDictionary<string, string>? notConfigured = null)
{
    private readonly Dictionary<string, ISourceAdapter> _sources = sources.ToDictionary(s => s.Key);
    private readonly Dictionary<string, ISinkAdapter> _sinks = sinks.ToDictionary(s => s.Key);

    public static AdapterRegistry Empty { get; } = new([], []);

    public ISourceAdapter? FindSource(string key) => _sources.GetValueOrDefault(key);

    public ISinkAdapter? FindSink(string key) => _sinks.GetValueOrDefault(key);

    /// <summary>Why no adapter answers to <paramref name="key"/>: not configured (and how to), or unknown as in hetida.</summary>
    public string MissingMessage(string key) => notConfigured?.GetValueOrDefault(key) is { } setting
        ? $"The built-in adapter '{key}' is not configured in this host: {setting}."
        : UnknownAdapterMessage(key);

    public static string UnknownAdapterMessage(string key) =>
        $"Could not find / load necessary generic REST adapter url from designer backend for adapter key {key}. "
        + "Make sure the adapter with that key is properly registered in the designer backend.";
}
