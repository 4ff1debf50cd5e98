using Microsoft.AspNetCore.Http;

namespace Runwire.ServiceDefaults;

/// <summary>
/// The one reader of a job request's body. Job endpoints take bytes, not a typed parameter: daprd delivers raw payloads
/// as <c>application/octet-stream</c> (a typed parameter answers 415, which daprd retries forever; dapr-notes §2.3),
/// hetida's clients send any content type, and the decoder needs the bytes anyway. The size limit is
/// <see cref="RequestLimits"/>' (Kestrel stops the read beyond it).
/// </summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = request.ContentLength is { } length and > 0 and < int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
