using System.Text;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>A record too large to fetch or to accept gets one failure answer and is dead-lettered; the jobs behind it run.</summary>
public sealed class OversizeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task UnfetchableRecordThenJob_OneFailureOneOk_CommitMovesPastBoth()
    {
        // The consumer fetches at most 2 MB per response here (librdkafka's default is 100 MB); the record is 3 MB.
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "oversize", new Dictionary<string, string>(),
            "--Kafka:Consumer:receive.message.max.bytes=2000000", "--Kafka:Consumer:fetch.max.bytes=1000000");
        await serve.WaitAssignedAsync(TestBroker.Partitions);
        using var results = new TopicReader(_broker.Bootstrap);
        using var letters = new TopicReader(_broker.Bootstrap, Topics.DeadLetters);
        await SendAsync(0, "big", new byte[3_000_000]);
        await SendAsync(0, "next", Encoding.UTF8.GetBytes(TestJobs.ById(5)));

        var answers = await results.WaitCountAsync(2, TimeSpan.FromSeconds(60));
        answers = await results.SettleAsync(TimeSpan.FromSeconds(2));
        Assert.True(answers.Count == 2, serve.Output);
        var big = Assert.Single(answers, a => a.Key == "big");
        Assert.Equal("failure", big.Result);
        Assert.Equal("JobTooLargeError", big.Json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", big.Json["error"]!["process_stage"]!.GetValue<string>());
        var message = big.Json["error"]!["message"]!.GetValue<string>();
        Assert.Contains("3,000,003 bytes", message, StringComparison.Ordinal);
        Assert.Contains("receive.message.max.bytes", message, StringComparison.Ordinal);
        TestJobs.AssertPassedThrough(Assert.Single(answers, a => a.Key == "next"), 5);

        var letter = Assert.Single(await letters.WaitCountAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("big", letter.Key);
        Assert.Empty(letter.Value);
        Assert.Equal($"{Topics.Jobs}/0/0", letter.Headers["runwire-source"]);
        Assert.Equal("3000003", letter.Headers["runwire-size"]);
        Assert.Equal(2, await CommittedAsync("oversize", 0));
    }

    [Fact]
    public async Task RecordOverMaxJobBytes_RefusedUndecoded_NextJobRuns()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "max-job", new Dictionary<string, string>(),
            "--Kafka:MaxJobBytes=10000");
        using var results = new TopicReader(_broker.Bootstrap);
        using var letters = new TopicReader(_broker.Bootstrap, Topics.DeadLetters);
        await SendAsync(1, "large", Encoding.UTF8.GetBytes(TestJobs.ById(1) + new string(' ', 20_000)));
        await SendAsync(1, "small", Encoding.UTF8.GetBytes(TestJobs.ById(6)));

        await results.WaitCountAsync(2, TimeSpan.FromSeconds(60));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, answers.Count);
        var large = Assert.Single(answers, a => a.Key == "large");
        Assert.Equal("JobTooLargeError", large.Json["error"]!["type"]!.GetValue<string>());
        Assert.Contains("Kafka:MaxJobBytes allows (10,000 bytes)", large.Json["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        TestJobs.AssertPassedThrough(Assert.Single(answers, a => a.Key == "small"), 6);
        var letter = Assert.Single(await letters.WaitCountAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Empty(letter.Value);
        Assert.Equal($"{Topics.Jobs}/1/0", letter.Headers["runwire-source"]);
        Assert.Equal(2, await CommittedAsync("max-job", 1));
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    private async Task SendAsync(int partition, string key, byte[] value)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = _broker.Bootstrap,
            MessageMaxBytes = 16 * 1024 * 1024,
        }).SetLogHandler(KafkaClientLog.Drop).Build();
        await producer.ProduceAsync(new TopicPartition(Topics.Jobs, partition),
            new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value });
    }

    /// <summary>The group's committed offset of a jobs partition, once it stops moving (the host commits every 100 ms).</summary>
    private async Task<long> CommittedAsync(string group, int partition)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = _broker.Bootstrap, GroupId = group })
            .SetLogHandler(KafkaClientLog.Drop).Build();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long offset;
        do
        {
            offset = consumer.Committed([new TopicPartition(Topics.Jobs, partition)], TimeSpan.FromSeconds(10)).Single().Offset.Value;
            await Task.Delay(200);
        }
        while (offset < 2 && DateTime.UtcNow < deadline);
        return offset;
    }
}
