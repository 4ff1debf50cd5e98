using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Data;
using Runwire.Core.Engine;
using Runwire.Core.Security;

namespace Runwire.Execution;

/// <summary>
/// The executor's side of a workflow: "prepare" resolves and validates without running, "run" executes with inputs
/// the orchestrator already loaded and hands back the outputs it will send. Adapter I/O stays out of the executor, so
/// each step is a separate, retryable workflow activity.
/// </summary>
public static class WorkflowStepEndpoints
{
    // Loaded inputs travel in the request body; a 20 MB series is larger than Kestrel's 30 MB default once escaped.
    private const long MaxStepBodyBytes = 256L * 1024 * 1024;

    public static IEndpointRouteBuilder MapWorkflowSteps(this IEndpointRouteBuilder app)
    {
        app.MapPost("/internal/prepare", PrepareAsync).ExcludeFromDescription().RequireAuthorization(AccessRoles.Internal);
        app.MapPost("/internal/run", RunAsync).ExcludeFromDescription().RequireAuthorization(AccessRoles.Internal);
        return app;
    }

    internal static async Task<IResult> PrepareAsync(HttpRequest request, JobAnswering answering, ILoggerFactory loggers, CancellationToken ct)
    {
        var job = await ReadAsync<ExecutionJob>(request, ct).ConfigureAwait(false);
        if (job is null)
        {
            return Results.BadRequest();
        }
        try
        {
            return Prepare(job, answering);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return Crashed(job, e, loggers);
        }
    }

    internal static async Task<IResult> RunAsync(HttpRequest request, JobAnswering answering, ILoggerFactory loggers, CancellationToken ct)
    {
        var run = await ReadAsync<RunRequest>(request, ct).ConfigureAwait(false);
        if (run?.Job is null)
        {
            return Results.BadRequest();
        }
        try
        {
            if (answering.Check(run.Job) is { } refusal)
            {
                return Answer(refusal);
            }
            var wiring = ExecutionEngine.CompleteWiring(run.Job, answering.Engine.Resolve(run.Job));
            var job = run.Job with { Wiring = LoadedWiring.Apply(wiring, run.Loaded ?? new Dictionary<string, string>(), run.Sinks ?? []) };
            var answer = await answering.AnswerAsync(job, ct).ConfigureAwait(false);
            Log.Fault(loggers, answer);
            return Answer(answer);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return Crashed(run.Job, e, loggers);
        }
    }

    /// <summary>
    /// The engine failed on this job unexpectedly (e.g. a stored workflow that nests itself): the failure answer the
    /// standalone host gives, with 200. A 500 would make the workflow retry a job that fails the same way every time
    /// and then blame the executor's availability.
    /// </summary>
    private static IResult Crashed(ExecutionJob job, Exception e, ILoggerFactory loggers)
    {
        var answer = JobAnswering.Crashed(job, e);
        Log.Fault(loggers, answer);
        return Answer(answer);
    }

    private static IResult Prepare(ExecutionJob job, JobAnswering answering)
    {
        if (answering.Check(job) is { } refusal)
        {
            return Answer(refusal);
        }
        var revision = answering.Engine.Resolve(job);
        var wiring = ExecutionEngine.CompleteWiring(job, revision);
        var inputTypes = revision.Inputs.Where(i => i.Name is not null).ToDictionary(i => i.Name!, i => i.DataType);
        var outputTypes = revision.Outputs.Where(o => !string.IsNullOrEmpty(o.Name)).Select(o => new NamedType(o.Name!, o.DataType.ToJson())).ToList();
        var loads = wiring.InputWirings
            .Where(w => !w.AdapterId.IsDirectProvisioning && !w.UseDefaultValue)
            .Select(w => new InputLoad(w, inputTypes.GetValueOrDefault(w.WorkflowInputName, DataType.Any).ToJson()))
            .ToList();
        var types = outputTypes.ToDictionary(t => t.Name, t => t.DataType);
        var sends = wiring.OutputWirings
            .Where(w => !w.AdapterId.IsDirectProvisioning)
            .Select(w => new OutputSend(w, types.GetValueOrDefault(w.WorkflowOutputName, "ANY")))
            .ToList();
        return Results.Json(new StepAnswer("Prepared", 200, null, null, new PreparedJob(revision.Id, loads, sends, outputTypes)), StepJson.Options);
    }

    private static IResult Answer(JobAnswer answer)
    {
        // The result is written as is (hetida's exact encoding), not re-serialised through a DOM.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", answer.Kind.ToString());
            writer.WriteNumber("httpStatus", answer.HttpStatus);
            writer.WritePropertyName("detail");
            JsonSerializer.Serialize(writer, answer.HttpDetail, StepJson.Options);
            writer.WritePropertyName("result");
            writer.WriteRawValue(answer.ToUtf8(), skipInputValidation: true);
            writer.WriteNull("prepared");
            writer.WriteEndObject();
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxStepBodyBytes;
        }
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, StepJson.Options, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
