using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Ingest.Tests.Support;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Limits;

/// <summary>Ingest takes job bodies up to the same <c>Runwire:Limits:MaxRequestBytes</c> as the standalone host and the executor, over real HTTP.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task PostJobs_BodyOverTheLimit_413SayingLimitAndSetting_BodyUnderIt_Admitted()
    {
        await using var factory = new SeamHost { Settings = new Dictionary<string, string> { ["Runwire:Limits:MaxRequestBytes"] = "100000" } };
        using var http = KestrelHost.Start(factory);

        using var over = await PostAsync(http, new string(' ', 100_001));
        using var under = await PostAsync(http, "not a job" + new string(' ', 90_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        var answer = (await over.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("Runwire:Limits:MaxRequestBytes", answer["limit"]!.GetValue<string>());
        Assert.Equal(100_000, answer["limit_bytes"]!.GetValue<long>());
        Assert.Contains("(100,000 bytes)", answer["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // Read in full: "not a job" is the endpoint's own refusal.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, under.StatusCode);
    }

    [Fact]
    public async Task PostJobs_DefaultLimit_IsTheKafkaJobLimitNotKestrels30MB()
    {
        await using var factory = new SeamHost();
        using var http = KestrelHost.Start(factory);

        using var response = await PostAsync(http, "not a job" + new string(' ', 40_000_000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task TopicRecordOverTheLimit_AnsweredWithTooLargeFailureKeyedLikeIt_AndDeadLettered_NotRedeliveredForEver()
    {
        // A record just over the limit arrives base64-encoded in a CloudEvent a third larger still: a 413 for the
        // envelope would make daprd redeliver it for ever and block its partition.
        await using var factory = new SeamHost { Settings = new Dictionary<string, string> { ["Runwire:Limits:MaxRequestBytes"] = "100000" } };
        using var http = KestrelHost.Start(factory);
        var record = Encoding.UTF8.GetBytes("{\"id\": \"" + new string('x', 100_000) + "\"}");

        using var response = await http.SendAsync(Deliveries.Record(record, "too-big", partition: 3, offset: 41), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DROP", (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["status"]!.GetValue<string>());
        // The refusal is answered by a workflow's answer step (durable through a pub/sub outage), under the record's id.
        var recordId = Runwire.Core.Contracts.RecordJobId.From("designer_initialize_job", 3, 41).ToString("D");
        var started = (Runwire.Ingest.Execution.JobStarted)factory.Workflows.Invocations
            .Single(i => i.Method.Name == nameof(Dapr.Workflow.IDaprWorkflowClient.ScheduleNewWorkflowAsync)).Arguments[2]!;
        Assert.Equal((recordId, "too-big"), (started.JobId, started.KafkaKey));
        var reference = started.Answering!.Outcome.Result;
        var result = JsonNode.Parse(reference.Key is null ? Encoding.UTF8.GetBytes(reference.Inline!) : factory.Dapr.State[("workflow-state", reference.Key)])!;
        Assert.Equal("failure", result["result"]!.GetValue<string>());
        Assert.Equal("JobTooLargeError", result["error"]!["type"]!.GetValue<string>());
        Assert.Equal($"The job is {record.Length:N0} bytes, more than Runwire:Limits:MaxRequestBytes allows (100,000 bytes); it was not read.",
            result["error"]!["message"]!.GetValue<string>());
        Assert.Equal(recordId, result["job_id"]!.GetValue<string>());
        Assert.Empty(factory.Dapr.Publishes);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new("application/json");
        // As curl does for large bodies: the host can answer 413 before the body is sent.
        request.Headers.ExpectContinue = true;
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
