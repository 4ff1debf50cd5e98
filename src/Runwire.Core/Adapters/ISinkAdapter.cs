namespace Runwire.Core.Adapters;

/// <summary>Sends workflow outputs for one adapter id (hetida's <c>send</c> contract, spec §6.1).</summary>
public interface ISinkAdapter
{
    string Key { get; }

    Task SendAsync(IReadOnlyList<SinkRequest> requests, AdapterContext context, CancellationToken cancellationToken);
}
