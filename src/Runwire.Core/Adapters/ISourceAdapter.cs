namespace Runwire.Core.Adapters;

/// <summary>Loads workflow inputs for one adapter id (hetida's <c>load</c> contract, spec §6.1).</summary>
public interface ISourceAdapter
{
    /// <summary>The adapter id wirings use (e.g. <c>local-file-adapter</c>).</summary>
    string Key { get; }

    /// <summary>Returns workflow input name → value (engine value model) for every request.</summary>
    Task<IReadOnlyDictionary<string, object?>> LoadAsync(IReadOnlyList<SourceRequest> requests, AdapterContext context, CancellationToken cancellationToken);
}
