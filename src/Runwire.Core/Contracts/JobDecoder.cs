using System.Text;
using System.Text.RegularExpressions;
using Runwire.Core.Contracts.Legacy;
using Runwire.Core.Contracts.Pydantic;

namespace Runwire.Core.Contracts;

/// <summary>
/// Decodes and validates job payloads with hetida's rules and messages (spec §1). Every failure, whatever the
/// bytes, is a <see cref="JobDecodeException"/>.
/// </summary>
public static partial class JobDecoder
{
    /// <summary>
    /// A Kafka or HTTP job body in any accepted format: <c>ExecByIdInput</c> if it validates, else
    /// <c>ExecLatestByGroupIdInput</c> (hetida's order), else the legacy 0.5/0.6 payload.
    /// </summary>
    public static ExecutionJob Decode(ReadOnlySpan<byte> utf8)
    {
        var root = Parse(utf8, ExecInputModel.ExecById);
        return Guarded(ExecInputModel.ExecById, root, () =>
        {
            var byId = new ErrorList();
            var latest = new ErrorList();
            var legacy = new ErrorList();
            var job = ExecInputModel.ById(root, byId) ?? ExecInputModel.LatestByGroupId(root, latest) ?? LegacyModel.Job(root, legacy);
            if (job is not null)
            {
                return job;
            }
            // Report the errors of the format the sender most likely meant.
            var (model, errors) = root is PyDict d && !d.Has("id") && d.Has("revision_group_id") ? (ExecInputModel.ExecLatest, latest)
                : root is PyDict l && !l.Has("id") && !l.Has("revision_group_id") && LegacyModel.LooksLegacy(root) ? (LegacyModel.Model, legacy)
                : (ExecInputModel.ExecById, byId);
            throw new JobDecodeException(model, errors.Items, ExecInputModel.JobIdOf(root));
        });
    }

    /// <summary>The body of <c>POST /api/transformations/execute</c>: <c>ExecByIdInput</c> only.</summary>
    public static ExecutionJob DecodeExecById(ReadOnlySpan<byte> utf8) => Single(utf8, ExecInputModel.ExecById, ExecInputModel.ById);

    /// <summary>The body of <c>POST /api/transformations/execute-latest</c>: <c>ExecLatestByGroupIdInput</c> only.</summary>
    public static ExecutionJob DecodeExecLatest(ReadOnlySpan<byte> utf8) =>
        Single(utf8, ExecInputModel.ExecLatest, ExecInputModel.LatestByGroupId);

    /// <summary>
    /// The deprecated camelCase form of <c>POST /api/workflows/{id}/execute</c> (spec §1b) with its query
    /// parameters; absent query values are null.
    /// </summary>
    public static ExecutionJob DecodeWebForm(Guid pathId, ReadOnlySpan<byte> body, string? runPurePlotOperatorsQuery, string? jobIdQuery)
    {
        var queryErrors = new ErrorList();
        var (plots, jobId) = WebFormModel.Query(runPurePlotOperatorsQuery, jobIdQuery, queryErrors);
        PyNode root;
        try
        {
            root = Parse(body, WebFormModel.Model);
        }
        catch (JobDecodeException e)
        {
            throw new JobDecodeException(WebFormModel.Model, [.. queryErrors.Items, .. e.Errors], jobId);
        }
        return Guarded(WebFormModel.Model, root, () =>
        {
            var errors = new ErrorList();
            foreach (var error in queryErrors.Items)
            {
                errors.Add(error.Loc, error.Msg, error.Type);
            }
            var wiring = WebFormModel.Wiring(root, errors);
            return errors.Count > 0 || wiring is null
                ? throw new JobDecodeException(WebFormModel.Model, errors.Items, jobId)
                : new ExecutionJob(pathId, null, wiring, plots, jobId ?? Guid.NewGuid(), jobId is not null, JobFormat.WebForm);
        });
    }

    /// <summary>A <c>WorkflowWiring</c> on its own, e.g. a transformation's stored <c>test_wiring</c>.</summary>
    public static WorkflowWiring DecodeWiring(ReadOnlySpan<byte> utf8)
    {
        const string model = "WorkflowWiring";
        var root = Parse(utf8, model);
        var errors = new ErrorList();
        WorkflowWiring? wiring = null;
        Guarded(model, root, () =>
        {
            wiring = WiringModel.Wiring(root, [], errors).Value;
            return null!;
        });
        return errors.Count > 0 || wiring is null ? throw new JobDecodeException(model, errors.Items) : wiring;
    }

    private static ExecutionJob Single(ReadOnlySpan<byte> utf8, string model, Func<PyNode, ErrorList, ExecutionJob?> validate)
    {
        var root = Parse(utf8, model);
        return Guarded(model, root, () =>
        {
            var errors = new ErrorList();
            return validate(root, errors) ?? throw new JobDecodeException(model, errors.Items, ExecInputModel.JobIdOf(root));
        });
    }

    private static PyNode Parse(ReadOnlySpan<byte> utf8, string model)
    {
        try
        {
            return PyJson.Loads(utf8);
        }
        catch (PyJsonException e)
        {
            throw new JobDecodeException(model, [e.Error], JobIdInText(utf8));
        }
    }

    // A validator bug must not escape as another exception type: the caller answers every job.
    private static ExecutionJob Guarded(string model, PyNode root, Func<ExecutionJob> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is not JobDecodeException)
        {
            throw new JobDecodeException(model, [new DecodeError(["__root__"], $"Unexpected decoder failure: {e.Message}", "value_error")],
                ExecInputModel.JobIdOf(root));
        }
    }

    /// <summary>Best effort for payloads that are not even JSON: a <c>"job_id": "&lt;uuid&gt;"</c> anywhere in the text.</summary>
    private static Guid? JobIdInText(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8.Length > 1_000_000 ? utf8[..1_000_000] : utf8);
        var match = JobIdPattern().Match(text);
        return match.Success ? PyParse.Uuid(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("\"job_id\"\\s*:\\s*\"([^\"\\\\]{1,100})\"", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JobIdPattern();
}
