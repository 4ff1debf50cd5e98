using System.CommandLine;
using System.Text.Json;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Transformations;
using Runwire.Python;

namespace Runwire.Host.Cli;

/// <summary>
/// <c>runwire components [--import DIR]</c>: every component this host knows — each component revision of the store
/// (shipped and imported) and each id a C# class is bound to — with the runner that runs it here: "csharp",
/// "python", or null with the reason. Settings come from the environment, as for <c>run</c>
/// (<c>Runwire__Python__Enabled</c>, <c>Runwire__Components__Prefer</c>).
/// </summary>
internal static class ComponentsCommand
{
    public static Command Create()
    {
        var imports = ImportOption.Create();
        var command = new Command("components", "List every component id as a JSON line, with the runner (csharp or python) that runs it.") { imports };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            if (await ImportOption.LoadStoreAsync(configuration, parse.GetValue(imports) ?? []).ConfigureAwait(false) is not { } store)
            {
                return 2;
            }
            // Listing binds revisions but runs nothing: the pool is never started.
            var (runners, pool) = PythonRunnerSetup.CreateRunners(configuration);
            await using var stopPool = pool;
            var revisions = store.All.Where(r => r.Type == TransformationType.Component).ToDictionary(r => r.Id);
            foreach (var id in revisions.Keys.Union(runners.CSharp.Ids).Order())
            {
                var line = revisions.TryGetValue(id, out var revision) ? Line(runners, revision) : Line(runners.CSharp.Find(id)!);
                Console.WriteLine(JsonSerializer.Serialize(line));
            }
            return 0;
        });
        return command;
    }

    private static Dictionary<string, object?> Line(ComponentRunners runners, TransformationRevision revision)
    {
        var runner = runners.RunnerOf(revision, out var reason);
        return new()
        {
            ["id"] = revision.Id,
            ["name"] = revision.Name,
            ["class"] = runners.CSharpOf(revision)?.GetType().FullName,
            ["supported"] = runner is not null,
            ["reason"] = reason,
            ["runner"] = Name(runner),
        };
    }

    // An id with a C# class and no revision in the store: no job can name it yet, but the class is there.
    private static Dictionary<string, object?> Line(IComponent component) => new()
    {
        ["id"] = component.Id,
        ["name"] = (component as UnsupportedComponent)?.Name,
        ["class"] = component.GetType().FullName,
        ["supported"] = component is not UnsupportedComponent,
        ["reason"] = (component as UnsupportedComponent)?.Reason,
        ["runner"] = Name(component is UnsupportedComponent ? null : ComponentRunner.CSharp),
    };

    private static string? Name(ComponentRunner? runner) => runner?.ToString().ToLowerInvariant();
}
