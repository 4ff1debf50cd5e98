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

    /// <param name="persistDirectory">Where imports are written and read back at start; null keeps everything in memory.</param>
    public TransformationStore(string? persistDirectory = null)
    {
        _persistDirectory = persistDirectory;
        if (persistDirectory is not null && Directory.Exists(persistDirectory))
        {
            ImportDirectory(persistDirectory, persist: false).ThrowIfAnyFailed();
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
        lock (_writeLock)
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
        Changed?.Invoke();
    }

    /// <summary>
    /// Imports every transformation file below a folder, as hetida's <c>load_transformation_revisions_from_directory</c>
    /// does: <c>*.json</c> exports and <c>*.py</c> component modules (other files are ignored). A file that cannot be
    /// imported is reported and does not stop the others; files are read in path order, so a later duplicate id wins.
    /// </summary>
    public ImportReport ImportDirectory(string directory, bool persist = false)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(IsTransformationFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        var (components, workflows) = (0, 0);
        var failures = new List<TransformationImportException>();
        foreach (var file in files)
        {
            try
            {
                var revision = ReadFile(file);
                Import(revision, persist);
                _ = revision.Type == TransformationType.Component ? components++ : workflows++;
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

    /// <summary>The revision in hetida's export format, as it was imported.</summary>
    public JsonObject? Export(Guid id) => Find(id)?.Source.DeepClone() as JsonObject;
}
