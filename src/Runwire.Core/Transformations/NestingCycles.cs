namespace Runwire.Core.Transformations;

/// <summary>
/// Finds workflows that contain themselves through nesting: an operator that is the workflow itself, or A → B → A at
/// any depth. Such a workflow can never be expanded into something to run, so imports that would create one are refused.
/// </summary>
public static class NestingCycles
{
    /// <summary>
    /// The problem of each of <paramref name="revisions"/> whose nesting leads into a cycle. Operators are resolved among
    /// <paramref name="revisions"/> first (they replace stored revisions with the same id), then with <paramref name="stored"/>.
    /// </summary>
    public static IReadOnlyList<(TransformationRevision Revision, string Problem)> Find(
        IReadOnlyCollection<TransformationRevision> revisions, Func<Guid, TransformationRevision?> stored)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(stored);
        var incoming = new Dictionary<Guid, TransformationRevision>();
        foreach (var revision in revisions)
        {
            incoming[revision.Id] = revision;
        }
        TransformationRevision? Find(Guid id) => incoming.TryGetValue(id, out var r) ? r : stored(id);
        var acyclic = new HashSet<Guid>();
        var problems = new List<(TransformationRevision, string)>();
        foreach (var revision in incoming.Values.Where(r => r.Type == TransformationType.Workflow))
        {
            if (CycleFrom(revision, Find, acyclic) is { } cycle)
            {
                var path = string.Join(" → ", cycle.Select(r => $"'{r.Name}' ({r.Id:D})"));
                problems.Add((revision, cycle.Contains(revision)
                    ? $"workflow '{revision.Name}' contains itself through nesting: {path}; a workflow cannot contain itself, directly or through other workflows"
                    : $"workflow '{revision.Name}' uses workflows that contain themselves through nesting: {path}"));
            }
        }
        return problems;
    }

    /// <summary>The first cycle reachable from <paramref name="root"/> (its first revision repeated at the end), or null.</summary>
    // Iterative depth-first search: nesting chains may be long, and the point of this check is to avoid a stack overflow.
    private static List<TransformationRevision>? CycleFrom(
        TransformationRevision root, Func<Guid, TransformationRevision?> find, HashSet<Guid> acyclic)
    {
        if (acyclic.Contains(root.Id))
        {
            return null;
        }
        var path = new List<TransformationRevision> { root };
        var onPath = new Dictionary<Guid, int> { [root.Id] = 0 };
        var next = new Stack<IEnumerator<Guid>>();
        next.Push(NestedIds(root).GetEnumerator());
        while (next.Count > 0)
        {
            if (!next.Peek().MoveNext())
            {
                next.Pop().Dispose();
                var done = path[^1];
                path.RemoveAt(path.Count - 1);
                onPath.Remove(done.Id);
                acyclic.Add(done.Id);
                continue;
            }
            var id = next.Peek().Current;
            if (onPath.TryGetValue(id, out var start))
            {
                return [.. path.Skip(start), path[start]];
            }
            if (acyclic.Contains(id) || find(id) is not { Type: TransformationType.Workflow } nested)
            {
                continue;
            }
            onPath[id] = path.Count;
            path.Add(nested);
            next.Push(NestedIds(nested).GetEnumerator());
        }
        return null;
    }

    private static IEnumerable<Guid> NestedIds(TransformationRevision workflow) =>
        workflow.Workflow?.Operators.Select(o => o.TransformationId).Distinct() ?? [];
}
