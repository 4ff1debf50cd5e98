using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Dapr.Workflow;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Security;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Payloads;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.OpenApi;

namespace Runwire.Ingest.Intake;

/// <summary>
/// The HTTP job API on the same workflow as Kafka jobs: <c>POST /jobs</c> (202 + id), <c>GET /jobs/{id}</c> from
/// workflow state, and hetida's synchronous execute endpoints, which wait for the workflow and answer like the executor.
/// </summary>
internal static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        app.MapPost("/jobs", SubmitAsync).WithName("PostJob").WithSummary("Submit a job in any accepted format; answers 202 with its id.")
            .Accepts<ExecByIdInputSchema>("application/json", "*/*")
            .Produces<JobAcceptedSchema>(202).Produces<ValidationDetailSchema>(422)
            .RequireAuthorization(AccessRoles.Submit);
        app.MapGet("/jobs/{id:guid}", GetAsync).WithName("GetJob").WithSummary("A job's status and, once finished, its result.")
            .Produces<JobStatusSchema>(200).Produces<DetailSchema>(404).Produces<DetailSchema>(410)
            .RequireAuthorization(AccessRoles.Read);
        app.MapPost("/api/transformations/execute", (HttpRequest r, JobScheduler s, IDaprWorkflowClient w, ClaimChecks p, CancellationToken ct) =>
            ExecuteAsync(r, body => JobDecoder.DecodeExecById(body), s, w, p, ct))
            .WithName("ExecuteTransformation").WithSummary("Execute a transformation revision by id (hetida's ExecByIdInput) and wait for its result.")
            .Accepts<ExecByIdInputSchema>("application/json", "*/*").ProducesExecution().RequireAuthorization(AccessRoles.Submit);
        app.MapPost("/api/transformations/execute-latest", (HttpRequest r, JobScheduler s, IDaprWorkflowClient w, ClaimChecks p, CancellationToken ct) =>
            ExecuteAsync(r, body => JobDecoder.DecodeExecLatest(body), s, w, p, ct))
            .WithName("ExecuteLatestTransformation").WithSummary("Execute the latest released revision of a revision group and wait for its result.")
            .Accepts<ExecLatestByGroupIdInputSchema>("application/json", "*/*").ProducesExecution().RequireAuthorization(AccessRoles.Submit);
        app.MapPost("/api/workflows/{id:guid}/execute", ExecuteWebFormAsync)
            .WithName("ExecuteWorkflowWebForm").WithSummary("Execute a workflow with hetida's camelCase web form wiring.")
            .Accepts<WebFormWiringSchema>("application/json", "*/*").ProducesExecution().RequireAuthorization(AccessRoles.Submit);
        app.MapPost("/api/components/{id:guid}/execute", ExecuteWebFormAsync)
            .WithName("ExecuteComponentWebForm").WithSummary("Execute a component with hetida's camelCase web form wiring.")
            .Accepts<WebFormWiringSchema>("application/json", "*/*").ProducesExecution().RequireAuthorization(AccessRoles.Submit);
        return app;
    }

    internal static async Task<IResult> SubmitAsync(HttpRequest request, JobScheduler scheduler, CancellationToken ct)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Dapr);
        var body = await RequestBody.ReadAsync(request, ct);
        var (job, refused) = Decode(body, bytes => JobDecoder.Decode(bytes), receivedAt);
        if (job is null)
        {
            return refused!;
        }
        using var scope = scheduler.BeginJob(job.JobId, null);
        await scheduler.StartAsync(job, publishResult: false, null, null, receivedAt, body, null, ct);
        return TypedResults.Accepted($"/jobs/{job.JobId:D}", new { job_id = job.JobId.ToString("D"), status = "queued" });
    }

    internal static async Task<IResult> GetAsync(Guid id, IDaprWorkflowClient workflows, ClaimChecks payloads, AnsweredJobs answered, CancellationToken ct)
    {
        var key = id.ToString("D");
        if (!await JobScheduler.ExistsAsync(workflows, key, ct))
        {
            // daprd purges finished instances after their retention (stateRetentionPolicy); the answer record outlives them.
            return await answered.FindAsync(key, ct) is { } record
                ? Gone(key, string.Create(CultureInfo.InvariantCulture,
                    $"Job {key} was answered ({record.Result}) at {record.AnsweredAt:u}; its workflow state has since been purged, so its result is no longer kept."))
                : TypedResults.NotFound(new { detail = $"No job {key}." });
        }
        var state = await workflows.GetWorkflowStateAsync(key, true, ct);
        var status = Status(state.RuntimeStatus);
        if (state.RuntimeStatus != WorkflowRuntimeStatus.Completed)
        {
            return TypedResults.Json(new { job_id = key, status, error = state.FailureDetails?.ErrorMessage });
        }
        var outcome = state.ReadOutputAs<JobOutcome>() ?? throw new InvalidOperationException($"Job {key} has no outcome.");
        ReadOnlyMemory<byte> stored;
        try
        {
            stored = await payloads.GetAsync(outcome.Result, ct);
        }
        catch (KeyNotFoundException)
        {
            return Gone(key, $"Job {key} is done, but its result has expired from the state store (results are kept for the duplicate window, Runwire:Dapr:DuplicateWindowHours).");
        }
        var result = JsonNode.Parse(stored.Span);
        return TypedResults.Text(new JsonObject { ["job_id"] = key, ["status"] = status, ["result"] = result }.ToJsonString(), "application/json");
    }

    private static JsonHttpResult<ExpiredJob> Gone(string jobId, string detail) =>
        TypedResults.Json(new ExpiredJob(jobId, "expired", detail), statusCode: StatusCodes.Status410Gone);

    /// <summary>The 410 body of a job whose state is gone: <c>job_id</c> like the other answers of this API.</summary>
    internal sealed record ExpiredJob([property: JsonPropertyName("job_id")] string JobId, string Status, string Detail);

    // The standalone host's words (queued, running, done), so a client polls both modes alike.
    private static string Status(WorkflowRuntimeStatus status) => status switch
    {
        WorkflowRuntimeStatus.Pending => "queued",
        WorkflowRuntimeStatus.Completed => "done",
        WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated or WorkflowRuntimeStatus.Canceled => "failed",
        _ => "running",
    };

    internal static Task<IResult> ExecuteWebFormAsync(
        Guid id, HttpRequest request, JobScheduler scheduler, IDaprWorkflowClient workflows, ClaimChecks payloads, CancellationToken ct,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "run_pure_plot_operators")] string? runPurePlotOperators = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "job_id")] string? jobId = null) =>
        ExecuteAsync(request, body => JobDecoder.DecodeWebForm(id, body, runPurePlotOperators, jobId), scheduler, workflows, payloads, ct);

    /// <summary>Runs the job through the workflow and answers with hetida's status codes (spec §2.4), as the executor does.</summary>
    internal static async Task<IResult> ExecuteAsync(HttpRequest request, Func<byte[], ExecutionJob> decode, JobScheduler scheduler,
        IDaprWorkflowClient workflows, ClaimChecks payloads, CancellationToken ct)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Dapr);
        var body = await RequestBody.ReadAsync(request, ct);
        var (job, refused) = Decode(body, decode, receivedAt);
        if (job is null)
        {
            return refused!;
        }
        var id = job.JobId.ToString("D");
        using var scope = scheduler.BeginJob(job.JobId, null);
        await scheduler.StartAsync(job, publishResult: false, null, null, receivedAt, body, null, ct);
        var state = await workflows.WaitForWorkflowCompletionAsync(id, true, ct);
        if (state.RuntimeStatus != WorkflowRuntimeStatus.Completed)
        {
            return TypedResults.Json(new { detail = state.FailureDetails?.ErrorMessage ?? $"Job {id} ended {state.RuntimeStatus}." }, statusCode: 500);
        }
        var outcome = state.ReadOutputAs<JobOutcome>() ?? throw new InvalidOperationException($"Job {id} has no outcome.");
        if (outcome.Kind == JobOutcome.Executed)
        {
            return TypedResults.Bytes((await payloads.GetAsync(outcome.Result, ct)).ToArray(), "application/json");
        }
        var detail = outcome.Detail is null ? null : JsonNode.Parse((await payloads.GetAsync(outcome.Detail, ct)).Span);
        return TypedResults.Text(new JsonObject { ["detail"] = detail }.ToJsonString(), "application/json", statusCode: outcome.HttpStatus);
    }

    // An undecodable HTTP job is refused at once with hetida's 422 body, and counted as answered like the standalone
    // host counts it; no workflow is started for it.
    private static (ExecutionJob? Job, IResult? Refused) Decode(byte[] body, Func<byte[], ExecutionJob> decode, DateTimeOffset receivedAt)
    {
        var (job, refusal) = JobAnswering.Decode(body, decode);
        if (job is not null)
        {
            return (job, null);
        }
        JobMetrics.OnAnswered(refusal!.Result, RunwireTelemetry.Transports.Dapr, DateTimeOffset.UtcNow - receivedAt);
        return (null, TypedResults.Json(new { detail = refusal.HttpDetail }, statusCode: refusal.HttpStatus));
    }
}
