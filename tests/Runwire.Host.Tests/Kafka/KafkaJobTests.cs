using System.Text;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>Good jobs over Kafka: each gets exactly one result, keyed like the job, with hetida's outputs.</summary>
public sealed class KafkaJobTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new("custom_jobs", "custom_results");

    [Fact]
    public async Task SeedDocumentMessage_LegacyRulExample_OneResultWithItsKeyAndHetidasOutputs()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);

        // What the seed document types into the console producer: key:<json> with parse.key=true, key.separator=":".
        var line = "test_executionissuer_1:" + TestJobs.RulLegacy();
        var separator = line.IndexOf(':', StringComparison.Ordinal);
        await producer.SendAsync(line[..separator], line[(separator + 1)..]);

        var answers = await results.WaitCountAsync(1, Wait);
        answers = await results.SettleAsync(TimeSpan.FromSeconds(1));
        var answer = Assert.Single(answers);
        Assert.Equal("test_executionissuer_1", answer.Key);
        Assert.True(Guid.TryParse(answer.JobId, out _));
        var json = answer.Json;
        Assert.Equal("ok", answer.Result);
        var outputs = json["output_results_by_output_name"]!;
        Assert.Equal("2020-07-06T13:32:31.838365+00:00", outputs["limit_violation_timestamp"]!.GetValue<string>());
        Assert.Equal(2.8121539285035206, outputs["intercept"]!.GetValue<double>(), 1e-9);
        Assert.Equal(-2.6293062172629345e-07, outputs["slope"]![0]!.GetValue<double>(), 1e-15);
        Assert.Equal("{}", outputs["rul_regression_result_plot"]!.ToJsonString());
        Assert.Equal("PLOTLYJSON", json["output_types_by_output_name"]!["rul_regression_result_plot"]!.GetValue<string>());
    }

    [Fact]
    public async Task CurrentFormats_WithAndWithoutJobId_EachAnsweredOnceKeyedAndTraced()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var byIdJob = Guid.NewGuid();
        var latestJob = Guid.NewGuid();
        const string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var traced = new Headers { { "traceparent", Encoding.ASCII.GetBytes(traceparent) } };

        await producer.SendAsync("by-id", TestJobs.ById(1, byIdJob), traced);
        await producer.SendAsync("by-id-no-job-id", TestJobs.ById(2));
        await producer.SendAsync("latest", TestJobs.LatestByGroup(3, latestJob));
        await producer.SendAsync("latest-no-job-id", TestJobs.LatestByGroup(4));
        await producer.SendAsync(null, TestJobs.ById(5));

        await results.WaitCountAsync(5, Wait);
        var answers = (await results.SettleAsync(TimeSpan.FromSeconds(1))).ToDictionary(a => a.Key ?? "(none)");
        Assert.Equal(5, answers.Count);
        Assert.Equal(byIdJob.ToString(), answers["by-id"].JobId);
        Assert.Equal(traceparent, answers["by-id"].Headers["traceparent"]);
        Assert.Equal(latestJob.ToString(), answers["latest"].JobId);
        Assert.False(answers["latest"].Headers.ContainsKey("traceparent"));
        Assert.True(Guid.TryParse(answers["by-id-no-job-id"].JobId, out _));
        Assert.True(Guid.TryParse(answers["latest-no-job-id"].JobId, out _));
        TestJobs.AssertPassedThrough(answers["by-id"], 1);
        TestJobs.AssertPassedThrough(answers["by-id-no-job-id"], 2);
        TestJobs.AssertPassedThrough(answers["latest"], 3);
        TestJobs.AssertPassedThrough(answers["latest-no-job-id"], 4);
        TestJobs.AssertPassedThrough(answers["(none)"], 5);
    }

    [Fact]
    public async Task BootstrapFromEnvironment_TopicsAndGroupConfigured_AnswersOnTheConfiguredTopic()
    {
        var environment = new Dictionary<string, string>
        {
            ["Kafka__BootstrapServers"] = _broker.Bootstrap,
            ["Kafka__JobsTopic"] = "custom_jobs",
            ["Kafka__ResultsTopic"] = "custom_results",
            ["Kafka__GroupId"] = "custom-group",
        };
        using var serve = await ServeProcess.StartAsync(_dir.Path, null, "unused", environment);
        using var results = new TopicReader(_broker.Bootstrap, "custom_results");
        using var producer = new JobProducer(_broker.Bootstrap);
        var job = Guid.NewGuid();

        await producer.SendAsync("env", System.Text.Encoding.UTF8.GetBytes(TestJobs.ById(3, job)), topic: "custom_jobs");

        var answer = Assert.Single(await results.WaitCountAsync(1, Wait));
        Assert.Equal("env", answer.Key);
        Assert.Equal(job.ToString(), answer.JobId);
        var status = await serve.KafkaStatusAsync();
        Assert.Equal("custom-group", status["group_id"]!.GetValue<string>());
        Assert.Equal("custom_jobs", status["jobs_topic"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }
}
