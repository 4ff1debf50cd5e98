using Microsoft.Extensions.Configuration.Memory;
using Runwire.Core.Transformations;
using Runwire.DataAdapters;
using Runwire.DataAdapters.Protocol;
using Runwire.Execution;
using Runwire.Host.Consume;
using Runwire.Host.Jobs;
using Runwire.Host.Kafka;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.Auth;
using Runwire.ServiceDefaults.OpenApi;
using Runwire.WebConsole;

namespace Runwire.Host.Serve;

/// <summary>The standalone host: ingest, executor and adapters in one process, no Dapr, no broker unless configured.</summary>
internal static class ServeHost
{
    public static async Task<int> RunAsync(ServeSettings settings, IReadOnlyList<string> hostArgs)
    {
        WebApplication app;
        try
        {
            app = Build(settings, hostArgs);
        }
        catch (TransformationImportException e)
        {
            // An import folder with an invalid transformation (or a workflow that contains itself): say which, like `run`.
            await Console.Error.WriteLineAsync($"runwire: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (AdapterConfigurationException e)
        {
            // Settings that cannot work (a consumption input, HD_KAFKA_CONFIGS, a database entry): say which, in one line.
            await Console.Error.WriteLineAsync($"runwire: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (AuthConfigurationException e)
        {
            // No credential configured (or a broken one): say what to configure instead of serving with an open door.
            await Console.Error.WriteLineAsync($"runwire: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>The host, ready to run; <paramref name="configure"/> adds to its services (tests add in-memory exporters).</summary>
    public static WebApplication Build(ServeSettings settings, IReadOnlyList<string> hostArgs, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. hostArgs] });
        // ASP.NET Core logs four Information lines per request; like the services' appsettings, serve keeps them at
        // Warning. Inserted first, so any configured Logging level (file, environment, command line) still wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        builder.Configuration.AddInMemoryCollection(settings.Overrides(builder.Configuration));
        builder.WebHost.UseUrls(settings.Urls ?? builder.Configuration["urls"] ?? ServeSettings.DefaultUrls);
        // A graceful stop waits this long at most for running jobs to be answered (docs/limits.md); a Kafka job whose
        // answer is not out by then is delivered again, since its offset is not committed.
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(1, builder.Configuration.GetValue("ShutdownTimeoutSeconds", 20.0))));
        builder.AddServiceDefaults(serviceName: "runwire");
        builder.AddExecution();
        builder.AddJobs();
        builder.AddKafkaTransport();
        builder.AddKafkaConsumption();
        builder.AddRunwireOpenApi("Runwire", "The standalone host: jobs over HTTP and Kafka, hetida's execution endpoints, the transformation store and the built-in adapters.");
        builder.AddRunwireConsole();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestLimits();
        app.MapDefaultEndpoints();
        app.MapRunwireOpenApi();
        app.MapExecutor();
        app.MapJobs();
        app.MapKafkaStatus();
        app.MapAdapterProtocol();
        app.MapRunwireConsole();
        return app;
    }
}
