using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Runwire.Ingest.Tests.Support;

/// <summary>A request a test service received: its path and the trace id of its <c>traceparent</c> header, if any.</summary>
public sealed record TracedRequest(string Path, string? Traceparent)
{
    public string? TraceId => Traceparent is not null && ActivityContext.TryParse(Traceparent, null, out var context)
        ? context.TraceId.ToHexString()
        : null;

    public static TracedRequest Of(HttpRequest request) => new(request.Path.Value ?? "", request.Headers.TraceParent.FirstOrDefault());
}
