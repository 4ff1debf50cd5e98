using System.Text.Json;
using System.Diagnostics;
using Runwire.WebConsole.Jobs;
using Runwire.Core.Engine;
using Runwire.Core.Security;
using Runwire.Core.Telemetry;
using Runwire.ServiceDefaults.OpenApi;
using Runwire.ServiceDefaults;

namespace Runwire.Host.Jobs;

/// <summary>Asynchronous jobs over HTTP: post any accepted format, poll for the result.</summary>
internal static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        app.MapPost("/jobs", PostAsync)
            .WithName("PostJob")
            .WithSummary("Queue a job in any accepted format (ExecByIdInput, ExecLatestByGroupIdInput, legacy); 202 with its job id.")
            .Accepts<ExecByIdInputSchema>("application/json", "*/*")
            .Produces<JobAcceptedSchema>(202).Produces<ValidationDetailSchema>(422).Produces<DetailSchema>(503)
            .RequireAuthorization(AccessRoles.Submit);
        app.MapGet("/jobs/{id:guid}", Get)
            .WithName("GetJob")
            .WithSummary("A job's status (queued, running, done) and, when done, its result.")
            .Produces<JobStatusSchema>(200).Produces<DetailSchema>(404)
            .RequireAuthorization(AccessRoles.Read);
        return app;
    }

    internal static async Task<IResult> PostAsync(HttpRequest request, JobQueue queue, JobBoard board, JobsOptions options,
        ILogger<JobQueue> logger, CancellationToken ct)
    {
        var payload = await RequestBody.ReadAsync(request, ct).ConfigureAwait(false);
        var received = Stopwatch.GetTimestamp();
        var (job, refusal) = JobAnswering.Decode(payload);
        if (job is null)
        {
            // HTTP can refuse at once, with the body hetida's endpoints give (spec §2.4); Kafka publishes a failure instead.
            JobMetrics.OnReceived(RunwireTelemetry.Transports.Http);
            JobMetrics.OnAnswered(refusal!.Result, RunwireTelemetry.Transports.Http, Stopwatch.GetElapsedTime(received));
            return Results.Json(new { detail = refusal.HttpDetail }, statusCode: refusal.HttpStatus);
        }
        if (!board.TryAdd(job, payload, out var entry))
        {
            JobMetrics.OnDuplicate(RunwireTelemetry.Transports.Http);
            return Accepted(entry);
        }
        if (!queue.TryEnqueue(new HttpJob(job, entry, board, logger)))
        {
            // Not received: the caller is told to send it again.
            board.Remove(entry);
            request.HttpContext.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString();
            return Results.Json(new { detail = "The job queue is full; retry later." }, statusCode: 503);
        }
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Http);
        return Accepted(entry);
    }

    internal static IResult Get(Guid id, JobBoard board, JobsOptions options) => board.Find(id) switch
    {
        { } entry => Results.Bytes(StatusJson(entry), "application/json"),
        null when board.WasEvicted(id) => Results.Json(new
        {
            detail = $"Job {id:D} is done, but its result is no longer held: the host keeps the newest {options.RetainFinished} results, "
                + $"at most {options.RetainBytes} bytes of them, for {options.RetainAge.TotalMinutes:0.#} minutes "
                + "(Jobs:RetainFinished, Jobs:RetainBytes, Jobs:RetainMinutes).",
            status = "evicted",
        }, statusCode: 404),
        null => Results.Json(new { detail = $"No job {id:D} is known (finished jobs are kept in memory for a while only)." }, statusCode: 404),
    };

    private static AcceptedJob Accepted(StoredJob entry) => new(entry.JobId, StatusJson(entry));

    /// <summary><c>{"job_id":…,"status":"queued"|"running"|"done"}</c>, with the result's own bytes when done.</summary>
    private static byte[] StatusJson(StoredJob entry) => entry.Result is { } result
        ? StatusJson(entry.JobId, "done", result)
        : StatusJson(entry.JobId, entry.State == JobState.Queued ? "queued" : "running", null);

    private static byte[] StatusJson(Guid jobId, string status, byte[]? result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("job_id", jobId.ToString("D"));
            writer.WriteString("status", status);
            if (result is not null)
            {
                // The result's own bytes, so they match the Kafka answer and hetida's response exactly.
                writer.WritePropertyName("result");
                writer.WriteRawValue(result, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>202 with the job's status and a Location header pointing at it.</summary>
    private sealed class AcceptedJob(Guid jobId, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status202Accepted;
            httpContext.Response.Headers.Location = $"/jobs/{jobId:D}";
            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
