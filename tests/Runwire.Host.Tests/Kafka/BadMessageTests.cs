using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>Every bad job record gets one failure result keyed like it; undecodable bytes are also dead-lettered.</summary>
public sealed class BadMessageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task BadRecords_EachGetOneFailureKeyedLikeIt_ConsumerKeepsRunning()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var deadLetters = new TopicReader(_broker.Bootstrap, Topics.DeadLetters);
        using var producer = new JobProducer(_broker.Bootstrap);
        var cases = BadRecords.All().ToList();
        Assert.True(cases.Count >= 100);
        Assert.Equal(cases.Count, cases.Select(c => c.Key).Distinct().Count());

        foreach (var bad in cases)
        {
            await producer.SendAsync(bad.Key, bad.Value, bad.Headers);
        }
        var good = Guid.NewGuid();
        await producer.SendAsync("good-after-bad", TestJobs.ById(7, good));

        await results.WaitCountAsync(cases.Count + 1, TimeSpan.FromSeconds(120));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(cases.Count + 1, answers.Count);
        var byKey = answers.ToDictionary(a => a.Key!);
        Assert.Equal(good.ToString(), byKey["good-after-bad"].JobId);
        TestJobs.AssertPassedThrough(byKey["good-after-bad"], 7);
        // All wrong answers at once: a new kind of bad record shows every way it is mishandled in one run.
        var wrong = cases.Select(bad => Wrong(bad, byKey.GetValueOrDefault(bad.Key))).OfType<string>().ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));

        var undecodable = cases.Where(c => c.DeadLettered).ToList();
        var letters = await deadLetters.WaitCountAsync(undecodable.Count, TimeSpan.FromSeconds(30));
        letters = await deadLetters.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(undecodable.Select(c => c.Key).Order(), letters.Select(l => l.Key!).Order());
        foreach (var bad in undecodable)
        {
            var letter = letters.Single(l => l.Key == bad.Key);
            Assert.Equal(bad.Value ?? [], letter.Value);
            Assert.False(string.IsNullOrEmpty(letter.Headers["runwire-error"]));
        }
        Assert.False(serve.HasExited);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    /// <summary>Valid JSON text of an object: a job with wrong fields, whose failure must name the fields, not the syntax.</summary>
    private static bool IsJsonObject(byte[]? value)
    {
        if (value is not [(byte)'{', ..])
        {
            return false;
        }
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(value);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>What is wrong with a bad record's answer; null when it is one failure with the expected error.</summary>
    private static string? Wrong(BadRecord bad, Received? answer)
    {
        if (answer is null)
        {
            return $"{bad}: no answer";
        }
        var error = answer.Json["error"];
        if (answer.Result != "failure" || error is null)
        {
            return $"{bad}: {answer.Result} without error: {answer.Json.ToJsonString()[..Math.Min(300, answer.Value.Length)]}";
        }
        var type = error["type"]?.GetValue<string>();
        var stage = error["process_stage"]?.GetValue<string>();
        var message = error["message"]?.GetValue<string>();
        if (IsJsonObject(bad.Value) && message?.Contains("jsondecode", StringComparison.Ordinal) == true)
        {
            return $"{bad}: valid JSON refused as invalid JSON: {message}";
        }
        return type != bad.ErrorType || stage != bad.Stage || string.IsNullOrWhiteSpace(message) || !Guid.TryParse(answer.JobId, out _)
            ? $"{bad}: expected {bad.ErrorType} at {bad.Stage}, got {type} at {stage}: {message?[..Math.Min(200, message.Length)]} (job_id {answer.JobId})"
            : null;
    }
}
