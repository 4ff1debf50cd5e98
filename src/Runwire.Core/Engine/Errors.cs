using Runwire.Core.Contracts;
using Runwire.Core.Transformations;

namespace Runwire.Core.Engine;

/// <summary>Builds hetida's error objects (spec §2.3) for the engine.</summary>
internal static class Errors
{
    public static OperatorInfo OperatorInfo(TransformationRevision revision, IReadOnlyList<string> names, IReadOnlyList<string> ids) =>
        new(new TransformationInfo(revision.Id.ToString(), revision.Name, revision.VersionTag, revision.TypeName), names, ids);

    /// <summary>hetida's NodeFunctionLoadingError message (runtime/hetdesrun/runtime/engine/plain/parsing.py).</summary>
    public static string LoadFailureMessage(TransformationRevision revision) =>
        $"Could not load node function (Code module uuid: {revision.Id}, Component uuid: {revision.Id}, function name: main)";

    public static ExecutionError NestedTooDeep(string operatorName, TransformationRevision revision, IReadOnlyList<string> names, IReadOnlyList<string> ids) =>
        new("WorkflowParsingException",
            $"Workflows are nested more than {PlanBuilder.MaxNestingDepth} levels deep at operator '{operatorName}' "
            + $"(workflow '{revision.Name}', {revision.Id:D}): a workflow that contains itself, directly or through other workflows, cannot run.",
            ProcessStage.PARSING_WORKFLOW,
            OperatorInfo: OperatorInfo(revision, names, ids));

    public static ExecutionFailureException WorkflowParsing(string message, PlanScope scope, Exception cause) =>
        new(new ExecutionError(
            "WorkflowInputDataValidationError",
            message,
            ProcessStage.PARSING_WORKFLOW,
            OperatorInfo: OperatorInfo(scope.Revision, scope.Names, scope.Ids)), cause);
}
