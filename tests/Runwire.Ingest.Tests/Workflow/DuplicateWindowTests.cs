using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Intake;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>
/// Bounded state with a stated duplicate window: daprd purges a finished instance after its retention
/// (stateRetentionPolicy in dapr/config.yaml; here the test purges it as daprd would), and the job's small answer
/// record keeps redeliveries out for the duplicate window (7 days) and no longer. Own fixture: it moves the state store's clock.
/// </summary>
public sealed class DuplicateWindowTests(WorkflowFixture fx) : IClassFixture<WorkflowFixture>
{
    private const string PassThroughString = "2b1b474f-ddf5-1f4d-fec4-17ef9122112b";

    [Fact]
    public async Task PurgedJob_GetAnswers410_RedeliveryInsideTheWindowIsSkipped_AfterItRunsAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobId = Guid.NewGuid().ToString("D");
        var record = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = KafkaJobTests.PassThroughInteger, ["job_id"] = jobId, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", "3")),
        }.ToJsonString());
        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(record, "window")));
        await fx.PublishedResultAsync(jobId);
        using (var done = await fx.Ingest.CreateClient().GetAsync(new Uri($"/jobs/{jobId}", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        // The retention is over: daprd purges the finished instance.
        await fx.Workflows.PurgeInstanceAsync(jobId, ct);
        Assert.False(await JobScheduler.ExistsAsync(fx.Workflows, jobId, ct));

        using (var gone = await fx.Ingest.CreateClient().GetAsync(new Uri($"/jobs/{jobId}", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            var body = JsonNode.Parse(await gone.Content.ReadAsStringAsync(ct))!;
            Assert.Equal("expired", body["status"]!.GetValue<string>());
            Assert.Contains("was answered (ok)", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("purged", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // Six days later, inside the window: acknowledged, and no instance is started (ingest schedules before it answers).
        fx.Dapr.Advance(TimeSpan.FromDays(6));
        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(record, "window")));
        Assert.False(await JobScheduler.ExistsAsync(fx.Workflows, jobId, ct));

        // Past the window the answer record has expired: the redelivered job runs and is answered again.
        fx.Dapr.Advance(DaprSettings.Default.DuplicateWindow - TimeSpan.FromDays(6) + TimeSpan.FromSeconds(1));
        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(record, "window")));
        await fx.WaitAsync(jobId);
        Assert.Equal(2, fx.Dapr.Publishes.Count(p => p.Metadata.GetValueOrDefault("partitionKey") == "window"));
    }

    [Fact]
    public async Task ResultExpiredFromTheStateStore_GetAnswers410NotA500()
    {
        var ct = TestContext.Current.CancellationToken;
        // A result over the inline limit lies in the state store as a claim check, with the window as its TTL.
        var big = new string('x', 40_000);
        var job = new JsonObject { ["id"] = PassThroughString, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", big)) };
        using var submitted = await fx.Ingest.CreateClient().PostAsync(new Uri("/jobs", UriKind.Relative),
            new StringContent(job.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        var jobId = JsonNode.Parse(await submitted.Content.ReadAsStringAsync(ct))!["job_id"]!.GetValue<string>();
        await fx.WaitAsync(jobId);

        fx.Dapr.Advance(DaprSettings.Default.DuplicateWindow + TimeSpan.FromSeconds(1));
        using var response = await fx.Ingest.CreateClient().GetAsync(new Uri($"/jobs/{jobId}", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        Assert.Equal(jobId, body["job_id"]!.GetValue<string>());
        Assert.Contains("expired from the state store", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownJob_Answers404()
    {
        using var response = await fx.Ingest.CreateClient().GetAsync(new Uri($"/jobs/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
