namespace Runwire.DataAdapters.Protocol;

/// <summary>The built-in adapters the protocol endpoints serve, by adapter id (a duplicate id fails at startup).</summary>
public sealed class ProtocolAdapters(IEnumerable<IProtocolAdapter> adapters, long maxBodyBytes = ProtocolAdapters.DefaultMaxBodyBytes)
{
    public const long DefaultMaxBodyBytes = 1L << 30;

    private readonly Dictionary<string, IProtocolAdapter> _byId = adapters.ToDictionary(a => a.Id);

    public long MaxBodyBytes { get; } = maxBodyBytes;

    public IReadOnlyCollection<IProtocolAdapter> All => _byId.Values;

    public IProtocolAdapter? Find(string id) => _byId.GetValueOrDefault(id);
}
