using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;
using static Runwire.Host.Tests.KafkaAdapter.KafkaJobs;

namespace Runwire.Host.Tests.KafkaAdapter;

/// <summary>
/// An output message of the kafka adapter continues the trace of the job that sent it (its <c>traceparent</c> is the
/// producer span's) and is counted once the broker acknowledged it (<c>runwire.kafka.produced</c>, by topic).
/// </summary>
public sealed class KafkaSinkTelemetryTests : IDisposable
{
    private const string Topic = "kt-out";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new(Topic);

    [Fact]
    public async Task JobWithAKafkaSink_TheMessageCarriesTheProducerSpanOfTheJobsTrace_AndIsCounted()
    {
        var configs = new JsonObject
        {
            ["out"] = new JsonObject
            {
                ["display_name"] = "Traced results", ["topic"] = Topic, ["types"] = new JsonArray("series(float)"),
                ["producer_config"] = new JsonObject { ["bootstrap_servers"] = new JsonArray(_broker.Bootstrap) }, ["producable"] = true,
            },
        };
        await using var host = await InProcessHost.StartAsync(_dir.Path, null, $"--HD_KAFKA_CONFIGS={configs.ToJsonString()}");
        using var output = new TopicReader(_broker.Bootstrap, Topic);
        var job = Job(PassThroughSeries, Guid.NewGuid(), [Direct("input", """{"2024-01-01T00:00:00Z": 1.5, "2024-01-01T01:00:00Z": 2.5}""")],
            [KafkaOutput("output", "out_series(float)", "timeseries(float)", "")]);

        using var response = await host.Http.PostAsJsonAsync(new Uri("/api/transformations/execute", UriKind.Relative), job, TestContext.Current.CancellationToken);

        var result = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("ok", result["result"]!.GetValue<string>());
        var message = Assert.Single(await output.WaitCountAsync(1, Wait));
        Assert.Equal(job["job_id"]!.GetValue<string>(), message.JobId);
        // The message's context is the producer span's, in the trace of the request that ran the job.
        var carried = ActivityContext.Parse(message.Headers["traceparent"], null);
        // The request's server span ends after the response is out: wait for it too.
        var trace = await host.Spans.WaitAsync(carried.TraceId,
            t => t.Any(s => s.DisplayName == $"publish {Topic}") && t.Any(s => s.DisplayName == "POST /api/transformations/execute"), Wait);
        var publish = Assert.Single(trace, s => s.DisplayName == $"publish {Topic}");
        Assert.Equal((ActivityKind.Producer, carried.SpanId), (publish.Kind, publish.SpanId));
        var request = Assert.Single(trace, s => s.DisplayName == "POST /api/transformations/execute");
        var byId = trace.ToDictionary(s => s.SpanId);
        var ancestor = publish;
        while (ancestor.ParentSpanId != request.SpanId && byId.TryGetValue(ancestor.ParentSpanId, out var parent))
        {
            ancestor = parent;
        }
        Assert.Equal(request.SpanId, ancestor.ParentSpanId);
        var scrape = await PrometheusScrape.ReadAsync(host.Http);
        Assert.Equal(1, scrape.Sum("runwire_kafka_produced_total", ("messaging_destination_name", Topic)));
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }
}
