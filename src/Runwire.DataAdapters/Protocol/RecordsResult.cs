using Microsoft.AspNetCore.Http;
using Runwire.Core.Data;
using Runwire.DataAdapters.Frames;

namespace Runwire.DataAdapters.Protocol;

/// <summary>Streams a frame as line-delimited JSON records (<c>application/x-ndjson</c>), timestamps in the protocol's nanosecond form.</summary>
internal sealed class RecordsResult(DataFrame frame) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/x-ndjson";
        await new RecordsWriter(httpContext.Response.Body, lines: true, TimestampStyle.Nanos)
            .WriteFrameAsync(frame.ColumnNames, frame.Columns, frame.RowCount, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
