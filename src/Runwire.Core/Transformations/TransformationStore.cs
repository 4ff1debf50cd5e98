using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Transformations;

/// <summary>
/// All known transformation revisions, indexed by id and by revision group. Imports can be persisted to a folder
/// (one <c>&lt;id&gt;.json</c> file each, hetida's export format) so that they survive a restart.
/// </summary>
public sealed class TransformationStore
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly string? _persistDirectory;
    private readonly Lock _writeLock = new();
    private ImmutableDictionary<Guid, TransformationRevision> _byId = ImmutableDictionary<Guid, TransformationRevision>.Empty;

    /// <param name="persistDirectory">Where imports are written and read back at start; null keeps everything in memory.</param>
    public TransformationStore(string? persistDirectory = null)
    {
        _persistDirectory = persistDirectory;
        if (persistDirectory is not null && Directory.Exists(persistDirectory))
        {
            // Not checked for nesting cycles: imports were checked when made, and a file from before that check (or written
            // by hand) must not keep the host from starting; the engine answers jobs on such a workflow with a failure.
            foreach (var (_, revision) in ReadDirectory(persistDirectory))
            {
                Import(revision, persist: false);
            }
        }
    }

    /// <summary>Raised after any import, so caches derived from revisions (execution plans) can be dropped.</summary>
    public event Action? Changed;

    public int Count => _byId.Count;

    public IEnumerable<TransformationRevision> All => _byId.Values;

    public TransformationRevision? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>The RELEASED revision of a group with the latest released timestamp (DRAFT and DISABLED never count).</summary>
    public TransformationRevision? FindLatestReleased(Guid revisionGroupId) => _byId.Values
        .Where(t => t.RevisionGroupId == revisionGroupId && t.State == TransformationState.Released)
        .OrderByDescending(t => t.ReleasedTimestamp)
        .FirstOrDefault();

    /// <summary>Imports (adds or replaces) one revision, persisting it when the store has a folder.</summary>
    public void Import(TransformationRevision revision, bool persist = true)
    {
        ArgumentNullException.ThrowIfNull(revision);
        lock (_writeLock)
        {
            Store(revision, persist);
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// Imports revisions sent to the API, all or none: refused when one would make a workflow contain itself
    /// (<see cref="ImportRefusal.IsConflict"/> false) or, unless <paramref name="allowOverwriteReleased"/>, would replace a
    /// released or deprecated revision (hetida's rules, <see cref="RevisionReplacement"/>; <see cref="ImportRefusal.IsConflict"/>
    /// true). Checked and stored under the write lock, so two imports cannot form a cycle together.
    /// </summary>
    public ImportRefusal? TryImport(IReadOnlyList<TransformationRevision> revisions, bool allowOverwriteReleased = false)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        lock (_writeLock)
        {
            var cycles = NestingCycles.Find(revisions, Find);
            if (cycles.Count > 0)
            {
                return new ImportRefusal(false, [.. cycles.Select(c => c.Problem)]);
            }
            var forbidden = new List<string>();
            foreach (var revision in revisions)
            {
                if (Find(revision.Id) is { } existing && RevisionReplacement.Refusal(existing, revision, allowOverwriteReleased) is { } reason)
                {
                    forbidden.Add(RevisionReplacement.ForbiddenDetail(revision.Id, reason));
                }
            }
            if (forbidden.Count > 0)
            {
                return new ImportRefusal(true, forbidden);
            }
            var now = DateTimeOffset.UtcNow;
            foreach (var revision in revisions)
            {
                Store(Find(revision.Id) is { } existing ? RevisionReplacement.Stored(existing, revision, now) : revision, persist: true);
            }
        }
        Changed?.Invoke();
        return null;
    }

    /// <summary>
    /// Imports every <c>*.json</c> file below a folder; returns how many were read. Invalid files throw, and so does a
    /// workflow that would contain itself through nesting; then nothing of the folder is imported.
    /// </summary>
    public int ImportDirectory(string directory, bool persist = false)
    {
        var files = ReadDirectory(directory);
        var cycles = NestingCycles.Find([.. files.Select(f => f.Revision)], Find);
        if (cycles.Count > 0)
        {
            var (revision, _) = cycles[0];
            throw new TransformationImportException(files.Last(f => f.Revision.Id == revision.Id).File, [.. cycles.Select(c => c.Problem)]);
        }
        foreach (var (_, revision) in files)
        {
            Import(revision, persist);
        }
        return files.Count;
    }

    private static List<(string File, TransformationRevision Revision)> ReadDirectory(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("index.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, TransformationReader.Read(File.ReadAllBytes(f), f)))];

    private void Store(TransformationRevision revision, bool persist)
    {
        _byId = _byId.SetItem(revision.Id, revision);
        if (persist && _persistDirectory is not null)
        {
            Directory.CreateDirectory(_persistDirectory);
            var path = Path.Combine(_persistDirectory, $"{revision.Id}.json");
            var temp = path + ".tmp";
            File.WriteAllText(temp, revision.Source.ToJsonString(Indented));
            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>The revision in hetida's export format, as it was imported.</summary>
    public JsonObject? Export(Guid id) => Find(id)?.Source.DeepClone() as JsonObject;
}
