using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Ingest.Execution;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Seams;

/// <summary>An output send whose answer comes too late may have been written: it is refused, never sent again.</summary>
public sealed class SendTimeoutTests
{
    [Fact]
    public async Task SendAnswerLaterThanTheStepTimeout_IsARefusal_AndSentOnce()
    {
        var calls = 0;
        await using var adapters = await Loopback.StartAsync(_ => { }, app => app.MapPost("/internal/send", async (HttpContext context) =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            return Results.Ok();
        }));
        using var http = new HttpClient { BaseAddress = adapters.Address, Timeout = TimeSpan.FromSeconds(2) };
        var send = new OutputSend(new OutputWiring("out", new AdapterId("sql", false), "table"), "DATAFRAME");

        var refusal = await new AdaptersClient(http).SendAsync("sql", "job-1", Guid.NewGuid(), [(send, null)], null, TestContext.Current.CancellationToken);

        Assert.NotNull(refusal);
        Assert.Equal("AdapterConnectionError", refusal.Type);
        Assert.Contains("may have been written, so they are not sent again", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref calls));
    }
}
