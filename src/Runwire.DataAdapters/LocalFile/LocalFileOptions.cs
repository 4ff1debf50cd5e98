namespace Runwire.DataAdapters.LocalFile;

/// <summary>
/// Settings of the local file adapter (<c>Runwire:Adapters:LocalFile</c>): the root folders it may read and write,
/// whether each folder offers a generic DATAFRAME sink, and the largest file it reads or writes.
/// </summary>
public sealed record LocalFileOptions(IReadOnlyList<string> Roots, bool GenericDataFrameSinks = true, long MaxFileBytes = LocalFileOptions.DefaultMaxFileBytes)
{
    public const long DefaultMaxFileBytes = 2L << 30;
}
