namespace Runwire.Core.Contracts;

/// <summary>Which payload format a job arrived in.</summary>
public enum JobFormat
{
    /// <summary>hetida's <c>ExecByIdInput</c>.</summary>
    ExecById,

    /// <summary>hetida's <c>ExecLatestByGroupIdInput</c>.</summary>
    ExecLatestByGroupId,

    /// <summary>The legacy Kafka payload of hetida 0.5/0.6 (<c>workflowId</c>, <c>workflow_wiring</c>).</summary>
    Legacy,

    /// <summary>The camelCase web form of <c>POST /api/workflows/{id}/execute</c>.</summary>
    WebForm,
}

/// <summary>
/// One execution request, whatever format it came in. Exactly one of <see cref="TransformationId"/> and
/// <see cref="RevisionGroupId"/> is set. A null <see cref="Wiring"/> means "use the stored test wiring".
/// </summary>
public sealed record ExecutionJob(
    Guid? TransformationId,
    Guid? RevisionGroupId,
    WorkflowWiring? Wiring,
    bool RunPurePlotOperators,
    Guid JobId,
    bool JobIdGiven,
    JobFormat Format);
