using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;

namespace Runwire.Python;

/// <summary>Registers the component runners: the C# components and, unless turned off, the Python worker pool.</summary>
public static class PythonRunnerSetup
{
    public static IServiceCollection AddComponentRunners(this IServiceCollection services, IConfiguration configuration)
    {
        var options = PythonOptions.From(configuration);
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            services.AddSingleton(new ComponentRunners(ComponentRegistry.Builtin, null, options.Prefer));
            return services;
        }
        services.AddSingleton<PythonWorkerPool>();
        services.AddSingleton(sp => new ComponentRunners(ComponentRegistry.Builtin, sp.GetRequiredService<PythonWorkerPool>(), options.Prefer));
        services.AddHostedService<PoolStarter>();
        return services;
    }

    /// <summary>The runners for a process without a host (the CLI): the pool starts at the first Python component.</summary>
    public static (ComponentRunners Runners, PythonWorkerPool? Pool) CreateRunners(IConfiguration configuration, ILoggerFactory? logging = null)
    {
        var options = PythonOptions.From(configuration);
        if (!options.Enabled)
        {
            return (new ComponentRunners(ComponentRegistry.Builtin, null, options.Prefer), null);
        }
        var pool = new PythonWorkerPool(options, (logging ?? NullLoggerFactory.Instance).CreateLogger<PythonWorkerPool>());
        return (new ComponentRunners(ComponentRegistry.Builtin, pool, options.Prefer), pool);
    }

    // Workers start in the background when the host starts, so the first Python job does not wait for Python's imports;
    // Runwire:Python:Sandbox=required without a working bubblewrap stops the host here.
    private sealed class PoolStarter(PythonWorkerPool pool) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            pool.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => pool.DisposeAsync().AsTask();
    }
}
