using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Engine;
using Runwire.Core.Transformations;
using Runwire.DataAdapters;
using Runwire.Python;

namespace Runwire.Execution;

/// <summary>Registers the transformation store (shipped transformations plus persisted imports) and the engine.</summary>
public static class EngineSetup
{
    /// <summary>Where the transformations shipped with Runwire are copied next to the binaries.</summary>
    public static string ShippedTransformationsDirectory => Path.Combine(AppContext.BaseDirectory, "transformations");

    public static IServiceCollection AddRunwireEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var options = RunwireOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(sp => CreateStore(options, ImportLog.Reporter(sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton(ComponentRegistry.Builtin);
        services.AddComponentRunners(configuration);
        services.AddRunwireAdapters(AdapterSettings.From(configuration));
        var limits = LimitSettings.From(configuration);
        services.AddSingleton(sp => new ExecutionEngine(
            sp.GetRequiredService<TransformationStore>(), sp.GetRequiredService<ComponentRunners>(), sp.GetRequiredService<Runwire.Core.Adapters.AdapterRegistry>(),
            limits));
        services.AddSingleton<JobAnswering>();
        return services;
    }

    /// <summary>
    /// The shipped transformations are imported first, then the persisted folder, so a user's import of a
    /// revision with a shipped id wins and survives restarts.
    /// </summary>
    /// <param name="options">Where the transformations are.</param>
    /// <param name="imported">
    /// Told what each of <see cref="RunwireOptions.ImportDirectories"/> held; a file there that cannot be imported is
    /// skipped, as hetida skips it. Without it such a file stops the start.
    /// </param>
    public static TransformationStore CreateStore(RunwireOptions options, Action<ImportReport>? imported = null)
    {
        var store = new TransformationStore();
        var shipped = options.ShippedTransformations ?? ShippedTransformationsDirectory;
        if (Directory.Exists(shipped))
        {
            store.ImportDirectory(shipped).ThrowIfAnyFailed();
        }
        foreach (var extra in options.ImportDirectories)
        {
            var report = store.ImportDirectory(extra);
            if (imported is null)
            {
                report.ThrowIfAnyFailed();
            }
            imported?.Invoke(report);
        }
        if (options.DataDirectory is null)
        {
            return store;
        }
        var persisted = new TransformationStore(Path.Combine(options.DataDirectory, "transformations"));
        foreach (var revision in store.All)
        {
            if (persisted.Find(revision.Id) is null)
            {
                persisted.Import(revision, persist: false);
            }
        }
        return persisted;
    }
}
