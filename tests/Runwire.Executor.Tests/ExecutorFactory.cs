using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Runwire.Executor.Tests;

/// <summary>
/// The executor service in memory, persisting imports to a temporary data folder. A folder the factory created itself
/// is deleted with it; one handed in (to test a restart) belongs to the test.
/// </summary>
public class ExecutorFactory : WebApplicationFactory<Program>
{
    private readonly string? _given;
    private readonly Lazy<string> _own = new(() => Directory.CreateTempSubdirectory("runwire-executor-").FullName);

    public string DataDirectory { get => _given ?? _own.Value; init => _given = value; }

    /// <summary>More configuration for the service (e.g. <c>Runwire:Python:Executable</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Runwire:DataDirectory", DataDirectory);
        // The documented local-development switch; Settings can turn authentication back on (the auth tests do).
        builder.UseSetting("Runwire:Auth:Mode", "none");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteOwnDirectory();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteOwnDirectory();
        GC.SuppressFinalize(this);
    }

    private void DeleteOwnDirectory()
    {
        if (_given is null && _own.IsValueCreated && Directory.Exists(_own.Value))
        {
            Directory.Delete(_own.Value, recursive: true);
        }
    }
}
