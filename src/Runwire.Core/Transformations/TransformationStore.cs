using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Transformations.PyModules;

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

    // When each persisted file was last taken in (read at start, written here, or read by Refresh), under _writeLock.
    private readonly Dictionary<string, DateTime> _seen = new(StringComparer.Ordinal);

    /// <param name="persistDirectory">Where imports are written and read back at start; null keeps everything in memory.</param>
    public TransformationStore(string? persistDirectory = null)
    {
        _persistDirectory = persistDirectory;
        if (persistDirectory is not null && Directory.Exists(persistDirectory))
        {
            // Not checked for nesting cycles: imports were checked when made, and a file from before that check (or written
            // by hand) must not keep the host from starting; the engine answers jobs on such a workflow with a failure.
            ImportDirectory(persistDirectory, persist: false, refuseCycles: false).ThrowIfAnyFailed();
            foreach (var file in Directory.EnumerateFiles(persistDirectory, "*.json"))
            {
                _seen[file] = File.GetLastWriteTimeUtc(file);
            }
        }
    }

    /// <summary>
    /// Takes in what other processes persisted to the same folder since the last look (executor replicas sharing one
    /// volume): new and rewritten <c>&lt;id&gt;.json</c> files. Returns how many revisions changed. Files are written to a
    /// temporary name and renamed, so a file seen here is complete.
    /// </summary>
    public int Refresh()
    {
        if (_persistDirectory is null || !Directory.Exists(_persistDirectory))
        {
            return 0;
        }
        var changed = 0;
        lock (_writeLock)
        {
            foreach (var file in Directory.EnumerateFiles(_persistDirectory, "*.json"))
            {
                var written = File.GetLastWriteTimeUtc(file);
                if (_seen.TryGetValue(file, out var seen) && seen >= written)
                {
                    continue;
                }
                TransformationRevision revision;
                try
                {
                    revision = ReadFile(file);
                }
                catch (TransformationImportException)
                {
                    // Not one of ours (written by hand?): skipped like a bad file at start would be reported, not retried.
                    _seen[file] = written;
                    continue;
                }
                catch (IOException)
                {
                    continue;
                }
                _seen[file] = written;
                if (Find(revision.Id) is { } known && JsonNode.DeepEquals(known.Source, revision.Source))
                {
                    continue;
                }
                _byId = _byId.SetItem(revision.Id, revision);
                changed++;
            }
        }
        if (changed > 0)
        {
            Changed?.Invoke();
        }
        return changed;
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
    /// Imports every transformation file below a folder, as hetida's <c>load_transformation_revisions_from_directory</c>
    /// does: <c>*.json</c> exports and <c>*.py</c> component modules (other files are ignored). A file that cannot be
    /// imported is reported and does not stop the others; files are read in path order, so a later duplicate id wins.
    /// A workflow that would contain itself through nesting is reported and not imported (unless
    /// <paramref name="refuseCycles"/> is false).
    /// </summary>
    public ImportReport ImportDirectory(string directory, bool persist = false, bool refuseCycles = true)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsTransformationFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        var failures = new List<TransformationImportException>();
        var read = new List<(string File, TransformationRevision Revision)>();
        foreach (var file in files)
        {
            try
            {
                read.Add((file, ReadFile(file)));
            }
            catch (TransformationImportException e)
            {
                failures.Add(e);
            }
            catch (IOException e)
            {
                failures.Add(new TransformationImportException(file, [$"cannot be read: {e.Message}"]));
            }
        }
        if (refuseCycles)
        {
            foreach (var (revision, problem) in NestingCycles.Find([.. read.Select(r => r.Revision)], Find))
            {
                var file = read.Last(r => r.Revision.Id == revision.Id).File;
                failures.Add(new TransformationImportException(file, [problem]));
                read.RemoveAll(r => r.Revision.Id == revision.Id);
            }
        }
        var (components, workflows) = (0, 0);
        foreach (var (_, revision) in read)
        {
            Import(revision, persist);
            _ = revision.Type == TransformationType.Component ? components++ : workflows++;
        }
        return new ImportReport(directory, components, workflows, failures);
    }

    private static bool IsTransformationFile(string path) => Path.GetExtension(path) switch
    {
        ".json" => !Path.GetFileName(path).Equals("index.json", StringComparison.OrdinalIgnoreCase),
        ".py" => true,
        _ => false,
    };

    private static TransformationRevision ReadFile(string file) => Path.GetExtension(file) == ".py"
        ? PyComponentReader.Read(File.ReadAllBytes(file), file)
        : TransformationReader.Read(File.ReadAllBytes(file), file);

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
            _seen[path] = File.GetLastWriteTimeUtc(path);
        }
    }

    /// <summary>The revision in hetida's export format, as it was imported.</summary>
    public JsonObject? Export(Guid id) => Find(id)?.Source.DeepClone() as JsonObject;
}
