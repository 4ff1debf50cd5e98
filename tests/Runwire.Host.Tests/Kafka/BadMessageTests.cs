using System.Text;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>Every bad job record gets one failure result keyed like it; undecodable bytes are also dead-lettered.</summary>
public sealed class BadMessageTests : IDisposable
{
    private const string Pt = TestJobs.PassThroughInt;
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    /// <summary>Key, value, and the error type the failure must carry (JobDecodeError ones are dead-lettered).</summary>
    private static IEnumerable<(string Key, byte[]? Value, string ErrorType)> Cases()
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        const string decode = "JobDecodeError";
        var wiring = """{"input_wirings":[{"workflow_input_name":"input","adapter_id":"direct_provisioning","filters":{"value":"1"}}]}""";
        yield return ("empty", [], decode);
        yield return ("null-value", null, decode);
        yield return ("not-utf8", [0xff, 0xfe, 0x7b, 0x80, 0x22], decode);
        yield return ("not-json", U("hello kafka"), decode);
        yield return ("truncated-json", U("""{"id": "57eea09f-d28e"""), decode);
        yield return ("json-array", U("[]"), decode);
        yield return ("json-string", U("\"a job\""), decode);
        yield return ("json-number", U("42"), decode);
        yield return ("json-null", U("null"), decode);
        yield return ("empty-object", U("{}"), decode);
        yield return ("id-not-uuid", U("""{"id": "not-a-uuid"}"""), decode);
        yield return ("id-wrong-type", U("""{"id": 5}"""), decode);
        yield return ("wiring-wrong-type", U($$$"""{"id": "{{{Pt}}}", "wiring": 5}"""), decode);
        yield return ("input-wirings-wrong-type", U($$$"""{"id": "{{{Pt}}}", "wiring": {"input_wirings": "x"}}"""), decode);
        yield return ("plot-flag-wrong", U($$$"""{"id": "{{{Pt}}}", "run_pure_plot_operators": "maybe", "wiring": {{{wiring}}}}"""), decode);
        yield return ("job-id-wrong", U($$$"""{"id": "{{{Pt}}}", "job_id": "nope", "wiring": {{{wiring}}}}"""), decode);
        yield return ("adapter-id-unknown-int", U($$$"""{"id": "{{{Pt}}}", "wiring": {"input_wirings": [{"workflow_input_name": "input", "adapter_id": 7, "filters": {"value": "1"}}]}}"""), decode);
        yield return ("input-name-not-identifier", U($$$"""{"id": "{{{Pt}}}", "wiring": {"input_wirings": [{"workflow_input_name": "in put", "adapter_id": "direct_provisioning", "filters": {"value": "1"}}]}}"""), decode);
        yield return ("bom-prefixed", [0xef, 0xbb, 0xbf, .. U(TestJobs.ById(1))], decode);
        yield return ("deeply-nested", U(new string('[', 100_000)), decode);
        yield return ("legacy-unknown-key", U("""{"workflowId": "806df1b9-2fc8-4463-943f-3d258c569663", "configuration": {"engine": "plain", "name": "806df1b9-2fc8-4463-943f-3d258c569663", "run_pure_plot_operators": false}, "workflow_wiring": {"input_wirings": [], "output_wirings": []}, "extra": 1}"""), decode);
        yield return ("junk-5mb", U(string.Concat(Enumerable.Repeat("junk! ", 5_000_000 / 6))), decode);
        yield return ("unknown-transformation", U(TestJobs.ById(1).Replace(Pt, "00000000-0000-0000-0000-00000000dead", StringComparison.Ordinal)), "TrafoExecutionNotFoundError");
        yield return ("unknown-group", U(TestJobs.LatestByGroup(1).Replace(Pt, "00000000-0000-0000-0000-00000000beef", StringComparison.Ordinal)), "DBNotFoundError");
        yield return ("wiring-unknown-input", U(TestJobs.ById(1).Replace("\"input\"", "\"inp\"", StringComparison.Ordinal)), "TrafoExecutionInputValidationError");
        yield return ("wiring-incomplete", U($$$"""{"id": "{{{Pt}}}", "wiring": {"input_wirings": []}}"""), "TrafoExecutionInputValidationError");
    }

    [Fact]
    public async Task BadRecords_EachGetOneFailureKeyedLikeIt_ConsumerKeepsRunning()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var deadLetters = new TopicReader(_broker.Bootstrap, Topics.DeadLetters);
        using var producer = new JobProducer(_broker.Bootstrap);
        var cases = Cases().ToList();
        Assert.True(cases.Count >= 20);

        foreach (var (key, value, _) in cases)
        {
            await producer.SendAsync(key, value);
        }
        var good = Guid.NewGuid();
        await producer.SendAsync("good-after-bad", TestJobs.ById(7, good));

        await results.WaitCountAsync(cases.Count + 1, TimeSpan.FromSeconds(90));
        var answers = await results.SettleAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(cases.Count + 1, answers.Count);
        var byKey = answers.ToDictionary(a => a.Key!);
        foreach (var (key, _, errorType) in cases)
        {
            var answer = byKey[key];
            Assert.Equal("failure", answer.Result);
            var error = answer.Json["error"]!;
            Assert.True(errorType == error["type"]!.GetValue<string>(), $"{key}: {error.ToJsonString()}");
            Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
            Assert.Equal("PARSING_WORKFLOW", error["process_stage"]!.GetValue<string>());
            Assert.True(Guid.TryParse(answer.JobId, out _));
        }
        Assert.Equal(good.ToString(), byKey["good-after-bad"].JobId);
        TestJobs.AssertPassedThrough(byKey["good-after-bad"], 7);

        var undecodable = cases.Where(c => c.ErrorType == "JobDecodeError").ToList();
        var letters = await deadLetters.WaitCountAsync(undecodable.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(undecodable.Select(c => c.Key).Order(), letters.Select(l => l.Key!).Order());
        foreach (var (key, value, _) in undecodable)
        {
            var letter = letters.Single(l => l.Key == key);
            Assert.Equal(value ?? [], letter.Value);
            Assert.False(string.IsNullOrEmpty(letter.Headers["runwire-error"]));
        }
        Assert.False(serve.HasExited);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }
}
