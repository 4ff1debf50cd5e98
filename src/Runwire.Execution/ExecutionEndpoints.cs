using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Security;
using Runwire.Core.Telemetry;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.OpenApi;

namespace Runwire.Execution;

/// <summary>hetida's synchronous execution endpoints, with hetida's status codes (spec §2.4).</summary>
public static class ExecutionEndpoints
{
    public static IEndpointRouteBuilder MapExecution(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/transformations/execute", (HttpRequest request, JobAnswering answering, ILoggerFactory loggers, CancellationToken ct) =>
                ExecuteAsync(request, body => JobDecoder.DecodeExecById(body), answering, loggers, ct))
            .WithName("ExecuteTransformation")
            .WithSummary("Execute a transformation revision by id (hetida's ExecByIdInput).")
            .Accepts<ExecByIdInputSchema>("application/json", "*/*")
            .ProducesExecution()
            .RequireAuthorization(AccessRoles.Submit);
        app.MapPost("/api/transformations/execute-latest", (HttpRequest request, JobAnswering answering, ILoggerFactory loggers, CancellationToken ct) =>
                ExecuteAsync(request, body => JobDecoder.DecodeExecLatest(body), answering, loggers, ct))
            .WithName("ExecuteLatestTransformation")
            .WithSummary("Execute the latest released revision of a revision group (hetida's ExecLatestByGroupIdInput).")
            .Accepts<ExecLatestByGroupIdInputSchema>("application/json", "*/*")
            .ProducesExecution()
            .RequireAuthorization(AccessRoles.Submit);
        app.MapPost("/api/workflows/{id:guid}/execute", ExecuteWebFormAsync)
            .WithName("ExecuteWorkflowWebForm")
            .WithSummary("Execute a workflow with hetida's camelCase web form wiring (deprecated in hetida, kept for compatibility).")
            .Accepts<WebFormWiringSchema>("application/json", "*/*")
            .ProducesExecution()
            .RequireAuthorization(AccessRoles.Submit);
        app.MapPost("/api/components/{id:guid}/execute", ExecuteWebFormAsync)
            .WithName("ExecuteComponentWebForm")
            .WithSummary("Execute a component with hetida's camelCase web form wiring.")
            .Accepts<WebFormWiringSchema>("application/json", "*/*")
            .ProducesExecution()
            .RequireAuthorization(AccessRoles.Submit);
        return app;
    }

    internal static Task<IResult> ExecuteWebFormAsync(
        Guid id, HttpRequest request, JobAnswering answering, ILoggerFactory loggers, CancellationToken ct,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "run_pure_plot_operators")] string? runPurePlotOperators = null,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "job_id")] string? jobId = null) =>
        ExecuteAsync(request, body => JobDecoder.DecodeWebForm(id, body, runPurePlotOperators, jobId), answering, loggers, ct);

    internal static async Task<IResult> ExecuteAsync(
        HttpRequest request, Func<byte[], ExecutionJob> decode, JobAnswering answering, ILoggerFactory loggers, CancellationToken ct)
    {
        var received = Stopwatch.GetTimestamp();
        var body = await RequestBody.ReadAsync(request, ct).ConfigureAwait(false);
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Http);
        var answer = await answering.AnswerAsync(body, decode, ct).ConfigureAwait(false);
        Log.Fault(loggers, answer);
        JobMetrics.OnAnswered(answer.Result, RunwireTelemetry.Transports.Http, Stopwatch.GetElapsedTime(received));
        return answer.Kind == JobAnswerKind.Executed
            ? Results.Bytes(answer.ToUtf8(), "application/json")
            : Results.Json(new { detail = answer.HttpDetail }, statusCode: answer.HttpStatus);
    }
}
