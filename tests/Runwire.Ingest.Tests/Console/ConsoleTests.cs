using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Contracts;
using Runwire.Ingest.Board;
using Runwire.Ingest.Intake;
using Runwire.Ingest.Payloads;
using Runwire.Ingest.Tests.Support;
using Runwire.WebConsole.Jobs;

namespace Runwire.Ingest.Tests.Console;

/// <summary>
/// The console in Dapr mode: ingest lists the jobs it scheduled (HTTP and pub/sub) and the records it refused, with
/// what their workflows answered, in GET /jobs and on its pages.
/// </summary>
public sealed class ConsoleTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";
    private const string CombineNamedColumns = "45f4f0c1-3fda-4c3b-8187-c590610e6975";
    private readonly WorkflowFixture _fx = console.Workflow;

    [Fact]
    public async Task JobList_HttpJobAndFailingRecord_ShowBothAnsweredWithTransportKeyAndError()
    {
        var httpJob = await SubmitAsync("7");
        var recordJob = Guid.NewGuid().ToString("D");
        var record = new JsonObject { ["id"] = CombineNamedColumns, ["job_id"] = recordJob };
        Assert.Equal("SUCCESS", await _fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(record.ToJsonString()), "console-fails", offset: 5001)));
        await _fx.WaitAsync(httpJob);
        var published = (await _fx.PublishedResultAsync(recordJob)).Json;

        var jobs = await ListAsync("");

        var http = Assert.Single(jobs, j => j["job_id"]!.GetValue<string>() == httpJob);
        Assert.Equal("succeeded", Text(http, "status"));
        Assert.Equal("http", Text(http, "transport"));
        Assert.Equal(PassThroughInteger, Text(http, "transformation_id"));
        Assert.Equal("ok", Text(http, "result"));
        Assert.Null(http["kafka_key"]);
        Assert.True(http["duration_seconds"]!.GetValue<double>() > 0);
        var kafka = Assert.Single(jobs, j => j["job_id"]!.GetValue<string>() == recordJob);
        Assert.Equal("failed", Text(kafka, "status"));
        Assert.Equal("kafka", Text(kafka, "transport"));
        Assert.Equal("console-fails", Text(kafka, "kafka_key"));
        Assert.Equal("designer_initialize_job [0] @5001", Text(kafka, "kafka_record"));
        Assert.Equal(CombineNamedColumns, Text(kafka, "transformation_id"));
        Assert.Equal("failure", Text(kafka, "result"));
        Assert.Equal(published["error"]!["type"]!.GetValue<string>(), Text(kafka, "error_type"));
        Assert.Equal("EXECUTING_COMPONENT_CODE", Text(kafka, "process_stage"));
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", Text(kafka, "trace_id"));
        // The filters read the same fields.
        Assert.Equal([recordJob], (await ListAsync("?key=console-fails")).Select(j => Text(j, "job_id")));
        Assert.DoesNotContain(await ListAsync("?status=failed"), j => Text(j, "job_id") == httpJob);
    }

    [Fact]
    public async Task JobList_UndecodableRecord_ShowsTheFailureItWasAnsweredWith()
    {
        var recordId = new KafkaDelivery(null, "designer_initialize_job", "0", "5002", null).StableJobId()!.Value.ToString("D");
        Assert.Equal("DROP", await _fx.DeliverAsync(Deliveries.Record("not a job"u8.ToArray(), "console-bad", offset: 5002)));
        // Its failure result goes out through a workflow's answer step under the record's id.
        var published = (await _fx.PublishedResultAsync(recordId)).Json;

        var job = Assert.Single(await ListAsync("?key=console-bad"));

        Assert.Equal(recordId, Text(job, "job_id"));
        Assert.Equal("failed", Text(job, "status"));
        Assert.Equal("kafka", Text(job, "transport"));
        Assert.Equal("designer_initialize_job [0] @5002", Text(job, "kafka_record"));
        Assert.Equal(published["error"]!["type"]!.GetValue<string>(), Text(job, "error_type"));
        Assert.Equal(published["error"]!["process_stage"]!.GetValue<string>(), Text(job, "process_stage"));
        using var download = await _fx.Ingest.CreateClient().GetAsync(new Uri($"/jobs/{Text(job, "job_id")}/result", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(published.ToJsonString(), JsonNode.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.ToJsonString());
    }

    [Fact]
    public async Task JobList_MoreJobsThanRetained_HoldsTheNewest_AndAnOlderJobsPageReadsItsWorkflow()
    {
        var ids = new List<string>();
        for (var i = 0; i < ConsoleFixture.Retained + 2; i++)
        {
            ids.Add(await SubmitAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await _fx.WaitAsync(ids[^1]);
        }

        using var response = await _fx.Ingest.CreateClient().GetAsync(new Uri("/jobs?limit=500", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        var held = page["jobs"]!.AsArray().Select(j => Text(j!, "job_id")).ToList();
        var finished = page["by_status"]!["succeeded"]!.GetValue<int>() + page["by_status"]!["failed"]!.GetValue<int>();

        Assert.Equal(ConsoleFixture.Retained, finished);
        Assert.Equal(ids.TakeLast(ConsoleFixture.Retained).Reverse(), held.Take(ConsoleFixture.Retained));
        Assert.DoesNotContain(ids[0], held);
        // Let go here, still a workflow instance: its page is read from there, as GET /jobs/{id} reads it.
        var html = await _fx.Ingest.CreateClient().GetStringAsync(new Uri($"/console/jobs/{ids[0]}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("id=\"job-state\">succeeded<", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jobs/{ids[0]}/result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldJob_AnsweredOnAnotherReplica_IsShownFinishedFromItsWorkflowState()
    {
        var (store, source) = await AnsweredElsewhereAsync("11", TimeSpan.FromSeconds(5));
        Assert.Equal(JobState.Queued, Assert.Single(store.Query(new JobQuery()).Jobs).State);

        var shown = Assert.Single((await new JobReader(store, source).QueryAsync(new JobQuery(), TestContext.Current.CancellationToken)).Jobs);

        Assert.Equal(JobState.Succeeded, shown.State);
        Assert.Equal(11, JsonNode.Parse(shown.Result!)!["output_results_by_output_name"]!["output"]!.GetValue<long>());
        Assert.Equal(1, store.HeldResults);
    }

    [Fact]
    public async Task HeldJob_AnsweredOnAnotherReplica_IsFinishedByTheSweepWithoutBeingRead()
    {
        var (store, source) = await AnsweredElsewhereAsync("12", UnfinishedJobSweep.Interval * 2);

        await new UnfinishedJobSweep(store, source).SweepAsync(TestContext.Current.CancellationToken);

        var held = Assert.Single(store.Query(new JobQuery()).Jobs);
        Assert.Equal(JobState.Succeeded, held.State);
        Assert.Equal(1, store.HeldResults);
    }

    /// <summary>
    /// A job another replica scheduled and holds queued (received <paramref name="ago"/>), whose steps and answer ran
    /// here (any replica may run them): that replica's store and its workflow-state source.
    /// </summary>
    private async Task<(JobStore Store, WorkflowJobSource Source)> AnsweredElsewhereAsync(string value, TimeSpan ago)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = PassThroughInteger, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", value)) }.ToJsonString());
        var jobId = await SubmitAsync(value);
        await _fx.WaitAsync(jobId);
        var services = _fx.Ingest.Services;
        var store = new JobStore(new JobRetention(10, 1 << 20, TimeSpan.FromMinutes(5)));
        var replica = new JobBoard(store);
        replica.Scheduled(JobDecoder.Decode(body) with { JobId = Guid.Parse(jobId) }, body, false, null, null, null, DateTimeOffset.UtcNow - ago);
        return (store, new WorkflowJobSource(_fx.Workflows, services.GetRequiredService<ClaimChecks>(),
            services.GetRequiredService<AnsweredJobs>(), replica, NullLogger<WorkflowJobSource>.Instance));
    }

    [Fact]
    public async Task Pages_ListTheJobs_ShowHealth_AndSayThereIsNoCatalog()
    {
        var jobId = await SubmitAsync("5");
        await _fx.WaitAsync(jobId);
        var client = _fx.Ingest.CreateClient();

        var list = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await client.GetStringAsync(new Uri("/console/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var catalog = await client.GetStringAsync(new Uri("/console/transformations", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains($"<tr data-job=\"{jobId}\">", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/console/jobs/{jobId}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/console/transformations\"", list, StringComparison.Ordinal);
        Assert.Contains("id=\"rate-1m\"", health, StringComparison.Ordinal);
        // Ingest has no job queue of its own (its jobs wait as workflow instances): no queue figures that would read 0.
        Assert.DoesNotContain("id=\"queue-depth\"", health, StringComparison.Ordinal);
        Assert.Contains("This host holds no transformations", catalog, StringComparison.Ordinal);
    }

    private async Task<string> SubmitAsync(string value)
    {
        var job = new JsonObject { ["id"] = PassThroughInteger, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", value)) };
        using var posted = await _fx.Ingest.CreateClient().PostAsync(new Uri("/jobs", UriKind.Relative),
            new StringContent(job.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["job_id"]!.GetValue<string>();
    }

    private async Task<List<JsonNode>> ListAsync(string query)
    {
        using var response = await _fx.Ingest.CreateClient().GetAsync(new Uri("/jobs" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return [.. page!["jobs"]!.AsArray().Select(j => j!)];
    }

    private static string? Text(JsonNode job, string name) => job[name]?.GetValue<string>();
}
