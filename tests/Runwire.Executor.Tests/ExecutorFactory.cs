using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Runwire.Executor.Tests;

/// <summary>The executor service in memory, persisting imports to its own temporary data folder.</summary>
public class ExecutorFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; init; } = Directory.CreateTempSubdirectory("runwire-executor-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Runwire:DataDirectory", DataDirectory);
}
