using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Codecs;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;

namespace Runwire.Core.Tests.Engine;

/// <summary>Whatever a job holds and whatever goes wrong, it gets exactly one answer that can be written.</summary>
public sealed class JobAnsweringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Answer_EngineFailsUnexpectedly_OneFailureNamingTheExceptionWithoutFrames()
    {
        var bug = new InvalidOperationException("adapter bug");
        var f = new EngineFixture { Adapters = new AdapterRegistry([new BrokenSource(bug)], []) };

        var answer = await new JobAnswering(f.Engine()).AnswerAsync(Job(f, new InputWiring("x", new AdapterId("broken", false), "id", "SOURCE")), Ct);

        Assert.Equal(JobAnswerKind.Executed, answer.Kind);
        Assert.Same(bug, answer.Fault);
        Assert.Equal("InvalidOperationException", answer.Result.Error!.Type);
        Assert.Equal("adapter bug", answer.Result.Error.Message);
        Assert.Equal("InvalidOperationException: adapter bug", answer.Result.Traceback);
        Assert.Equal("failure", Written(answer.Result)["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_CancelledByItsOwnToken_ThrowsSoTheJobIsLeftForRedelivery()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var f = new EngineFixture { Adapters = new AdapterRegistry([new BrokenSource(new OperationCanceledException(stop.Token))], []) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new JobAnswering(f.Engine()).AnswerAsync(Job(f, new InputWiring("x", new AdapterId("broken", false), "id", "SOURCE")), stop.Token));
    }

    [Fact]
    public async Task Answer_AnyValueNestedDeeperThanValuesMay_FailureAtParsingLoadedDataSayingTheLimit()
    {
        var f = new EngineFixture();

        var answer = await new JobAnswering(f.Engine()).AnswerAsync(Job(f, EngineFixture.Direct("x", Nested(ValueParser.MaxDepth + 1))), Ct);

        var error = answer.Result.Error!;
        Assert.Equal("WorkflowInputDataValidationError", error.Type);
        Assert.Equal(ProcessStage.PARSING_LOADED_DATA, error.ProcessStage);
        Assert.EndsWith("Input 'x': the value is JSON nested deeper than 900 levels, more than Runwire accepts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public async Task Answer_AnyValueNestedAsDeepAsJsonReadersStop_FailureInsteadOfAStringOrACrash(int depth)
    {
        var f = new EngineFixture();

        var answer = await new JobAnswering(f.Engine()).AnswerAsync(Job(f, EngineFixture.Direct("x", Nested(depth))), Ct);

        Assert.Equal(ProcessStage.PARSING_LOADED_DATA, answer.Result.Error!.ProcessStage);
        Assert.Equal("failure", Written(answer.Result)["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_AnyValueAtTheDepthLimit_RunsAndItsResultIsWritten()
    {
        var f = new EngineFixture();

        var answer = await new JobAnswering(f.Engine()).AnswerAsync(Job(f, EngineFixture.Direct("x", Nested(ValueParser.MaxDepth))), Ct);

        Assert.True(answer.Result.Ok, answer.Result.Error?.Message);
        var written = Written(answer.Result);
        Assert.Equal("ok", written["result"]!.GetValue<string>());
        Assert.Equal(Nested(ValueParser.MaxDepth), written["output_results_by_output_name"]!["y"]!.ToJsonString());
    }

    private static ExecutionJob Job(EngineFixture f, InputWiring input) => EngineFixture.Job(f.Components.EchoId, false, [input], []);

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static JsonObject Written(ExecutionResult result) =>
        JsonNode.Parse(ResultWriter.ToUtf8(result), documentOptions: new JsonDocumentOptions { MaxDepth = ResultWriter.MaxDepth })!.AsObject();

    private sealed class BrokenSource(Exception failure) : ISourceAdapter
    {
        public string Key => "broken";

        public Task<IReadOnlyDictionary<string, object?>> LoadAsync(IReadOnlyList<SourceRequest> requests, AdapterContext context, CancellationToken cancellationToken) =>
            throw failure;
    }
}
