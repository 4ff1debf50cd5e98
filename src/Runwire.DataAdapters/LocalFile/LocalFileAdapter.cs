using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.LocalFile;

/// <summary>
/// hetida's local file adapter (<c>local-file-adapter</c>): CSV, Parquet and Excel files below the configured roots
/// as DATAFRAME sources, ids in hetida's URL representation of the absolute path; a generic DATAFRAME sink in every
/// folder that writes a new .csv or .parquet file (filter <c>file_name</c>) and never overwrites one.
/// </summary>
public sealed class LocalFileAdapter : IProtocolAdapter
{
    public const string AdapterId = "local-file-adapter";
    private readonly SafePaths _paths;
    private readonly LocalFileOptions _options;

    public LocalFileAdapter(LocalFileOptions options)
    {
        _options = options;
        _paths = new SafePaths(options.Roots);
    }

    public string Id => AdapterId;

    public InfoResponse Info { get; } = new(AdapterId, "Local File Adapter", typeof(LocalFileAdapter).Assembly.GetName().Version?.ToString(3) ?? "dev");

    public StructureResponse? Structure(string? parentId)
    {
        if (parentId is null)
        {
            return new StructureResponse(AdapterId, "Local File Adapter",
                [.. _paths.Roots.Select(r => new ThingNode(FileIds.ToUrl(r), null, Path.GetFileName(r), "Root local file directory at " + r))], [], []);
        }
        var dir = _paths.Resolve(FileIds.FromUrl(parentId));
        if (dir is null || !Directory.Exists(dir))
        {
            return null;
        }
        var files = Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).Select(f => _paths.Resolve(f)).OfType<string>();
        var dirs = Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal).Select(d => _paths.Resolve(d)).OfType<string>();
        return new StructureResponse(AdapterId, "Local File Adapter",
            [.. dirs.Select(d => new ThingNode(FileIds.ToUrl(d), parentId, Path.GetFileName(d), "Local file directory at " + d))],
            [.. files.Where(Loadable).Select(SourceItem)],
            _options.GenericDataFrameSinks ? [GenericSink(dir)] : []);
    }

    public IReadOnlyList<StructureItem> Sources(string? filter) =>
        [.. AllFiles().Where(Loadable).Where(f => filter is null || f.Contains(filter, StringComparison.Ordinal)).Select(SourceItem)];

    public IReadOnlyList<StructureItem> Sinks(string? filter) =>
        !_options.GenericDataFrameSinks ? [] :
        [.. AllDirectories().Where(d => filter is null || d.Contains(filter, StringComparison.Ordinal)).Select(GenericSink)];

    public StructureItem? FindSource(string id) => _paths.Resolve(FileIds.FromUrl(id)) is { } path && File.Exists(path) && Loadable(path) ? SourceItem(path) : null;

    public StructureItem? FindSink(string id) =>
        id.StartsWith(FileIds.GenericDataFrameSinkPrefix, StringComparison.Ordinal) && _options.GenericDataFrameSinks
        && _paths.Resolve(FileIds.FromUrl(id[FileIds.GenericDataFrameSinkPrefix.Length..])) is { } dir && Directory.Exists(dir)
            ? GenericSink(dir) : null;

    public ThingNode? FindThingNode(string id)
    {
        if (_paths.Resolve(FileIds.FromUrl(id)) is not { } dir || !Directory.Exists(dir))
        {
            return null;
        }
        var isRoot = _paths.Roots.Contains(dir);
        return new ThingNode(id, isRoot ? null : FileIds.ToUrl(Path.GetDirectoryName(dir)!), Path.GetFileName(dir),
            (isRoot ? "Root local file directory at " : "Local file directory at ") + dir);
    }

    public async Task<DataFrame> LoadFrameAsync(string id, string externalType, IReadOnlyDictionary<string, string> filters, CancellationToken ct)
    {
        var shown = FileIds.FromUrl(id);
        var path = _paths.Resolve(shown);
        if (path is null || !File.Exists(path))
        {
            throw new AdapterException(WiringChecks.Handling,
                $"Local file {shown} could not be located or does not lie in a configured local dir or does not exist");
        }
        var settings = FileSettings.For(path);
        if (!settings.Loadable)
        {
            throw new AdapterException(WiringChecks.Handling, $"Local file {path} settings file does not allow loading!");
        }
        var length = new FileInfo(path).Length;
        if (length > _options.MaxFileBytes)
        {
            throw new AdapterException(WiringChecks.Handling,
                $"Local file {path} has {length} bytes, more than the limit of {_options.MaxFileBytes} bytes (Runwire:Adapters:LocalFile:MaxFileBytes).");
        }
        try
        {
            return FileFormats.Of(path) switch
            {
                FileFormat.Csv => CsvFormat.Read(path, settings),
                FileFormat.Parquet => await ParquetFormat.ReadAsync(path, ct).ConfigureAwait(false),
                FileFormat.Excel => ExcelFormat.Read(path, settings),
                _ => throw new AdapterException(WiringChecks.Handling, $"Local file {path} has unknown/unregistered file extension."),
            };
        }
        catch (Exception e) when (e is not AdapterException and not OperationCanceledException)
        {
            throw new AdapterException(WiringChecks.Handling, $"Failed to retrieve local file \n{path}\nException was:\n{e.Message}.", e);
        }
    }

    public async Task SendFrameAsync(string id, string externalType, DataFrame frame, IReadOnlyDictionary<string, string> filters, AdapterContext context, CancellationToken ct)
    {
        var target = SinkTarget(id, filters, context);
        if (!context.Repeatable && Exists(target))
        {
            throw AlreadyExists(target);
        }
        // Written beside the target under a name no listing shows, then moved into place without overwriting: nobody
        // (a reader, a repeated send) ever sees half a file under the target's name.
        var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var stream = OpenNew(partial))
            {
                var limited = new LimitedStream(stream, _options.MaxFileBytes, target);
                if (FileFormats.Of(target) == FileFormat.Parquet)
                {
                    await ParquetFormat.WriteAsync(frame, limited, ct).ConfigureAwait(false);
                }
                else
                {
                    CsvFormat.Write(frame, limited);
                }
            }
        }
        catch (Exception e)
        {
            File.Delete(partial);
            throw e is AdapterException or OperationCanceledException ? e
                : new AdapterException(WiringChecks.Handling, $"Failed to write local file \n{target}\nException was:\n{e.Message}.", e);
        }
        try
        {
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException) when (Exists(target))
        {
            // A repeated send finds what its first attempt wrote: the same name and the same bytes count as sent.
            var written = context.Repeatable && await SameBytesAsync(partial, target, ct).ConfigureAwait(false);
            File.Delete(partial);
            if (!written)
            {
                throw AlreadyExists(target);
            }
        }
        catch (Exception e)
        {
            File.Delete(partial);
            throw new AdapterException(WiringChecks.Handling, $"Failed to write local file \n{target}\nException was:\n{e.Message}.", e);
        }
    }

    private static bool Exists(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static AdapterException AlreadyExists(string path) =>
        new(WiringChecks.Handling, $"Local file {path} already exists: local file sinks only write new files.");

    private static async Task<bool> SameBytesAsync(string a, string b, CancellationToken ct)
    {
        if (new FileInfo(b).LinkTarget is not null || new FileInfo(a).Length != new FileInfo(b).Length)
        {
            return false;
        }
        var left = await File.ReadAllBytesAsync(a, ct).ConfigureAwait(false);
        var right = await File.ReadAllBytesAsync(b, ct).ConfigureAwait(false);
        return left.AsSpan().SequenceEqual(right);
    }

    private string SinkTarget(string id, IReadOnlyDictionary<string, string> filters, AdapterContext context)
    {
        var dirText = id.StartsWith(FileIds.GenericDataFrameSinkPrefix, StringComparison.Ordinal)
            ? FileIds.FromUrl(id[FileIds.GenericDataFrameSinkPrefix.Length..]) : null;
        var dir = dirText is null || !_options.GenericDataFrameSinks ? null : _paths.Resolve(dirText);
        if (dir is null || !Directory.Exists(dir))
        {
            throw new AdapterException(WiringChecks.Handling,
                $"Local file {FileIds.FromUrl(id)} target could not be located or does not lie in a configured local dir or does not exist / is not writable");
        }
        var name = filters.TryGetValue("file_name", out var given) && given.Length > 0
            ? given
            // hetida's name (time of writing, job id). The time is the job's start, one microsecond apart per output of
            // the job sent here, so two outputs never share a name and a repeated send writes under the same one.
            : $"{context.StartedAt.UtcDateTime.AddTicks(context.OutputOrdinal * TimeSpan.TicksPerMicrosecond):yyyy-MM-dd'T'HH:mm:ss.ffffff}+00:00_{context.JobId}.csv";
        if (!SafePaths.PlainFileName(name) || FileFormats.Of(name) is not (FileFormat.Csv or FileFormat.Parquet) || name.EndsWith(".gz", StringComparison.Ordinal))
        {
            throw new AdapterException(WiringChecks.WiringInvalid,
                $"Provided value '{name}' for the filter 'file_name' at generic dataframe sink at {dirText} invalid! "
                + "The file name must end with \".csv\" or \".parquet\" and must not contain a path.");
        }
        return _paths.Resolve(dir + "/" + name)
            ?? throw new AdapterException(WiringChecks.Handling, $"Local file {dir}/{name} target could not be located or does not lie in a configured local dir or does not exist / is not writable");
    }

    private static FileStream OpenNew(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);

    private bool Loadable(string path) => FileFormats.Of(path) != FileFormat.Unknown && FileSettings.For(path).Loadable;

    private StructureItem SourceItem(string path) =>
        new(FileIds.ToUrl(path), FileIds.ToUrl(Path.GetDirectoryName(path)!), Path.GetFileName(path), "dataframe", path);

    private static StructureItem GenericSink(string dir) =>
        new(FileIds.GenericDataFrameSinkPrefix + FileIds.ToUrl(dir), FileIds.ToUrl(dir), "New File", "dataframe", "Prepared Generic Sink",
            FileIds.GenericDataFrameSinkPrefix + FileIds.ToUrl(dir),
            new Dictionary<string, StructureFilter> { ["file_name"] = StructureFilter.FreeText("File Name (must end with \".csv\", \".parquet\")", false) });

    private IEnumerable<string> AllDirectories() =>
        _paths.Roots.SelectMany(r => new[] { r }.Concat(Walk(r).Where(Directory.Exists)));

    private IEnumerable<string> AllFiles() => _paths.Roots.SelectMany(Walk).Where(File.Exists);

    /// <summary>Everything below a root without following links (a link is skipped, not entered).</summary>
    private IEnumerable<string> Walk(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFileSystemEntries(root, "*", options).Order(StringComparer.Ordinal).Select(p => _paths.Resolve(p)).OfType<string>().Take(100_000);
    }
}
