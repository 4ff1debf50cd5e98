namespace Runwire.Core.Transformations;

/// <summary>A transformation export that is not valid; <see cref="Problems"/> lists every problem found.</summary>
public sealed class TransformationImportException(string source, IReadOnlyList<string> problems)
    : Exception($"Invalid transformation {source}: {string.Join("; ", problems)}")
{
    public string SourceName { get; } = source;

    public IReadOnlyList<string> Problems { get; } = problems;
}
