namespace Runwire.Core.Contracts.Pydantic;

/// <summary>hetida's <c>ExecByIdInput</c> and <c>ExecLatestByGroupIdInput</c> (<c>runtime/hetdesrun/models/execution.py</c>).</summary>
internal static class ExecInputModel
{
    public const string ExecById = "ExecByIdInput";
    public const string ExecLatest = "ExecLatestByGroupIdInput";

    public static ExecutionJob? ById(PyNode root, ErrorList errors)
    {
        if (PyModel.Root(root, ExecById, errors) is not { } m)
        {
            return null;
        }
        var id = m.Field("id", PyFields.Uuid);
        var wiring = m.Field<WorkflowWiring?>("wiring", NullableWiring, Presence.Nullable, null);
        var plots = m.Field("run_pure_plot_operators", PyFields.Bool, Presence.Defaulted, false);
        var jobId = m.Field<Guid?>("job_id", NullableUuid, Presence.Defaulted, null);
        return errors.Count > 0
            ? null
            : new ExecutionJob(id.Value, null, wiring.Value, plots.Value, jobId.Value ?? Guid.NewGuid(), jobId.Value is not null, JobFormat.ExecById);
    }

    public static ExecutionJob? LatestByGroupId(PyNode root, ErrorList errors)
    {
        if (PyModel.Root(root, ExecLatest, errors) is not { } m)
        {
            return null;
        }
        var groupId = m.Field("revision_group_id", PyFields.Uuid);
        var wiring = m.Field("wiring", WiringModel.Wiring);
        var plots = m.Field("run_pure_plot_operators", PyFields.Bool, Presence.Defaulted, false);
        var jobId = m.Field<Guid?>("job_id", NullableUuid, Presence.Defaulted, null);
        return errors.Count > 0
            ? null
            : new ExecutionJob(null, groupId.Value, wiring.Value, plots.Value, jobId.Value ?? Guid.NewGuid(), jobId.Value is not null, JobFormat.ExecLatestByGroupId);
    }

    /// <summary>Best effort: the <c>job_id</c> of a payload that failed validation, if it is a readable UUID.</summary>
    public static Guid? JobIdOf(PyNode root) =>
        root is PyDict dict && dict.Get("job_id") is PyStr s ? PyParse.Uuid(s.Value) : null;

    private static Checked<WorkflowWiring?> NullableWiring(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        var wiring = WiringModel.Wiring(node, loc, errors);
        return wiring.Ok ? new Checked<WorkflowWiring?>(true, wiring.Value) : Checked<WorkflowWiring?>.Invalid;
    }

    private static Checked<Guid?> NullableUuid(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        var id = PyFields.Uuid(node, loc, errors);
        return id.Ok ? new Checked<Guid?>(true, id.Value) : Checked<Guid?>.Invalid;
    }
}
