using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Runwire.Core.Security;
using Runwire.ServiceDefaults.OpenApi;

namespace Runwire.WebConsole.Jobs;

/// <summary><c>GET /jobs</c>: the jobs held, newest first, a page at a time, filtered; what the console's list shows.</summary>
public static class JobListEndpoints
{
    private static readonly string[] Statuses = ["queued", "running", "succeeded", "failed"];

    public static IEndpointRouteBuilder MapJobList(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jobs", List)
            .WithName("ListJobs")
            .WithSummary("The jobs held (HTTP and Kafka), newest first; filters status, transformation (id or name), key (Kafka key), q (a job id or its beginning); before and limit page.")
            .Produces<JobListSchema>(200).Produces<DetailSchema>(400)
            .RequireAuthorization(AccessRoles.Read);
        app.MapGet("/jobs/{id:guid}/result", Result)
            .WithName("DownloadJobResult")
            .WithSummary("A finished job's result JSON as a download.")
            .Produces<ExecutionResponseSchema>(200).Produces<DetailSchema>(404)
            .RequireAuthorization(AccessRoles.Read);
        return app;
    }

    internal static async Task<IResult> List(JobReader jobs, string? status = null, string? transformation = null, string? key = null, string? q = null,
        long? before = null, int limit = 50, CancellationToken ct = default)
    {
        if (status is { Length: > 0 } && !Statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Json(new { detail = $"Unknown status '{status}'; use one of {string.Join(", ", Statuses)}." }, statusCode: 400);
        }
        if (limit is < 1 or > JobQuery.MaxLimit)
        {
            return Results.Json(new { detail = $"limit must be between 1 and {JobQuery.MaxLimit}." }, statusCode: 400);
        }
        var page = await jobs.QueryAsync(new JobQuery(status, transformation, key, q, before, limit), ct).ConfigureAwait(false);
        return Results.Bytes(Write(page), "application/json");
    }

    internal static async Task<IResult> Result(Guid id, JobReader jobs, CancellationToken ct) => await jobs.FindAsync(id, ct).ConfigureAwait(false) is { Result: { } result }
        ? Results.File(result, "application/json", $"runwire-job-{id:D}.json")
        : Results.Json(new { detail = $"Job {id:D} has no result held here." }, statusCode: 404);

    private static byte[] Write(JobPage page)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("jobs");
            foreach (var job in page.Jobs)
            {
                WriteJob(w, job);
            }
            w.WriteEndArray();
            if (page.NextBefore is { } next)
            {
                w.WriteNumber("next_before", next);
            }
            else
            {
                w.WriteNull("next_before");
            }
            w.WriteNumber("held", page.Held);
            if (page.Matching is { } matching)
            {
                w.WriteNumber("matching", matching);
            }
            else
            {
                w.WriteNull("matching");
            }
            w.WriteStartObject("by_status");
            foreach (var (state, count) in page.ByStatus)
            {
                w.WriteNumber(state, count);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteJob(Utf8JsonWriter w, StoredJob job)
    {
        w.WriteStartObject();
        w.WriteString("job_id", job.JobId.ToString("D"));
        w.WriteNumber("sequence", job.Sequence);
        w.WriteString("status", job.State.ToString().ToLowerInvariant());
        w.WriteString("transport", job.Transport);
        WriteOptional(w, "transformation_id", job.TransformationId?.ToString("D"));
        WriteOptional(w, "transformation_name", job.TransformationName);
        WriteOptional(w, "kafka_key", job.KafkaKey);
        WriteOptional(w, "kafka_record", job.KafkaRecord);
        w.WriteString("received_at", job.ReceivedAt);
        if (job.Duration is { } duration)
        {
            w.WriteNumber("duration_seconds", Math.Round(duration.TotalSeconds, 6));
        }
        else
        {
            w.WriteNull("duration_seconds");
        }
        WriteOptional(w, "result", job.Finished ? (job.ErrorType is null ? "ok" : "failure") : null);
        WriteOptional(w, "error_type", job.ErrorType);
        WriteOptional(w, "process_stage", job.ProcessStage);
        WriteOptional(w, "trace_id", job.TraceId);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
