using Runwire.Core.Components.Runners;
using Runwire.Core.Transformations;

namespace Runwire.WebConsole.Rendering;

/// <summary>Which runner runs a transformation here: a component's own, a workflow's every nested component's.</summary>
public static class Catalog
{
    /// <summary>Whether this host holds a transformation store; without one (ingest) the console has no catalog.</summary>
    public static bool Held(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(TransformationStore)) is not null;
    }

    public static string RunnerOf(TransformationRevision revision, TransformationStore store, ComponentRunners? runners)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(store);
        if (runners is null)
        {
            return "?";
        }
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Collect(revision, store, runners, found, []);
        return found.Count == 0 ? "none" : string.Join(" + ", found);
    }

    private static void Collect(TransformationRevision revision, TransformationStore store, ComponentRunners runners, SortedSet<string> found,
        HashSet<Guid> seen)
    {
        if (!seen.Add(revision.Id))
        {
            return;
        }
        if (revision.Type == TransformationType.Component)
        {
            found.Add(runners.RunnerOf(revision, out _) switch
            {
                ComponentRunner.CSharp => "C#",
                ComponentRunner.Python => "Python",
                _ => "none",
            });
            return;
        }
        foreach (var op in revision.Workflow?.Operators ?? [])
        {
            if (store.Find(op.TransformationId) is { } nested)
            {
                Collect(nested, store, runners, found, seen);
            }
            else
            {
                found.Add("missing");
            }
        }
    }
}
