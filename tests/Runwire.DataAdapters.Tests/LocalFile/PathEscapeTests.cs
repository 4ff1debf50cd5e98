using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.DataAdapters.LocalFile;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.LocalFile;

/// <summary>
/// Attempts to read or write outside the configured root: every one is refused with an adapter error, the secret
/// beside the root is never returned and no file anywhere changes.
/// </summary>
public sealed class PathEscapeTests : IDisposable
{
    private const string Secret = "password\nhunter2\n";
    private readonly TempRoot _files = new();
    private readonly LocalFileAdapter _adapter;

    public PathEscapeTests()
    {
        File.WriteAllText(Path.Combine(_files.Outside, "secret.csv"), Secret);
        Directory.CreateDirectory(_files.Root + "2");
        File.WriteAllText(Path.Combine(_files.Root + "2", "secret.csv"), Secret);
        _files.Write("sub/ok.csv", "a\n1\n");
        File.CreateSymbolicLink(Path.Combine(_files.Root, "link.csv"), Path.Combine(_files.Outside, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(_files.Root, "linkdir"), _files.Outside);
        _adapter = new LocalFileAdapter(new LocalFileOptions([_files.Root]));
    }

    public void Dispose() => _files.Dispose();

    // {root} is the configured root, {out} the folder beside it; each is a path as a wiring would carry it.
    public static TheoryData<string> ReadAttempts =>
    [
        "{root}/../outside/secret.csv",
        "{root}/sub/../../outside/secret.csv",
        "{root}/./../outside/secret.csv",
        "{root}//../outside/secret.csv",
        "{out}/secret.csv",
        "/etc/passwd",
        "{root}2/secret.csv",
        "{root}/link.csv",
        "{root}/linkdir/secret.csv",
        "{root}/%2e%2e/outside/secret.csv",
        "{root}/..%2Foutside%2Fsecret.csv",
        "{root}%2F..%2Foutside%2Fsecret.csv",
        "{root}/..\\outside\\secret.csv",
        "{root}/sub/\0/../../outside/secret.csv",
        "root/../outside/secret.csv",
        "../outside/secret.csv",
        "{root}/sub/..",
    ];

    public static TheoryData<string, string> WriteAttempts => new()
    {
        { "{out}", "x.csv" },
        { "{root}/linkdir", "x.csv" },
        { "{root}/..", "x.csv" },
        { "{root}2", "x.csv" },
        { "{root}", "../outside/x.csv" },
        { "{root}", "/tmp/x.csv" },
        { "{root}", "sub/../../outside/x.csv" },
        { "{root}", "..%2Foutside%2Fx.csv" },
        { "{root}", "..\\outside\\x.csv" },
        { "{root}", "link.csv" },
        { "{root}", ".hidden.csv" },
        { "{root}", "x.sh" },
    };

    [Theory]
    [MemberData(nameof(ReadAttempts))]
    public async Task Load_PathOutsideRoot_RefusedAndNothingRead(string template)
    {
        var before = _files.Snapshot();
        var id = FileIds.ToUrl(Expand(template));

        var e = await Assert.ThrowsAsync<AdapterException>(() =>
            _adapter.LoadFrameAsync(id, "dataframe", new Dictionary<string, string>(), TestContext.Current.CancellationToken));

        Assert.Equal("AdapterHandlingException", e.TypeName);
        Assert.DoesNotContain("hunter2", e.Message);
        Assert.Null(_adapter.FindSource(id));
        Assert.Equal(before, _files.Snapshot());
    }

    [Theory]
    [MemberData(nameof(WriteAttempts))]
    public async Task Send_TargetOutsideRoot_RefusedAndNothingWritten(string dir, string fileName)
    {
        var before = _files.Snapshot();
        var sink = FileIds.GenericDataFrameSinkPrefix + FileIds.ToUrl(Expand(dir));
        var frame = TestFrames.Make(("a", new Int64Column([1])));

        var e = await Assert.ThrowsAsync<AdapterException>(() => _adapter.SendFrameAsync(sink, "dataframe", frame,
            new Dictionary<string, string> { ["file_name"] = fileName }, new AdapterContext(Guid.NewGuid(), Guid.Empty), TestContext.Current.CancellationToken));

        Assert.Contains(e.TypeName, new[] { "AdapterHandlingException", "AdapterClientWiringInvalidError" });
        Assert.Equal(before, _files.Snapshot());
        Assert.Equal(Secret, File.ReadAllText(Path.Combine(_files.Outside, "secret.csv")));
    }

    [Fact]
    public void Listing_SymlinksInsideRoot_NeverListedOrEntered()
    {
        var sources = _adapter.Sources(null).Select(s => s.Path).ToList();

        Assert.Equal([Path.Combine(_files.Root, "sub", "ok.csv")], sources);
        Assert.DoesNotContain(_adapter.Sinks(null), s => s.Id.Contains("linkdir", StringComparison.Ordinal));
        Assert.Null(_adapter.Structure(FileIds.ToUrl(Path.Combine(_files.Root, "linkdir"))));
    }

    private string Expand(string template) => template.Replace("{root}", _files.Root).Replace("{out}", _files.Outside);
}
