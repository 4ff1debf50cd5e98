using Grpc.Core;

namespace Runwire.Ingest.Execution;

/// <summary>
/// Which publish failures no retry can fix. daprd answers <c>PermissionDenied</c> when the app may not publish to the
/// topic, and <c>Internal</c> with the broker client's own text for everything the component reports
/// (dapr:pkg/api/errors/pubsub.go); a message larger than the gRPC limit never reaches daprd. Everything else (sidecar
/// away, broker away, leader elections, timeouts) is transient: the workflow waits for it with durable timers.
/// </summary>
internal static class PublishFaults
{
    // sarama's texts for ErrMessageSizeTooLarge, ErrTopicAuthorizationFailed, ErrClusterAuthorizationFailed and the
    // producer's own size check; grpc-dotnet's for a message over its send limit.
    private static readonly string[] PermanentTexts =
        ["message was too large", "message is larger than", "not authorized", "authorization failed", "larger than max"];

    /// <summary>The sidecar's own words for a failed call (the innermost gRPC status), else the exception's message.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RpcException rpc)
            {
                return $"{rpc.StatusCode}: {rpc.Status.Detail}";
            }
        }
        return exception.Message;
    }

    /// <summary>The reason when <paramref name="exception"/> is permanent; null when retrying may help.</summary>
    public static string? Permanent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is not RpcException rpc)
            {
                continue;
            }
            var detail = rpc.Status.Detail ?? "";
            if (rpc.StatusCode == StatusCode.PermissionDenied
                || (rpc.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.ResourceExhausted or StatusCode.InvalidArgument
                    && PermanentTexts.Any(t => detail.Contains(t, StringComparison.OrdinalIgnoreCase))))
            {
                return detail.Length > 0 ? detail : rpc.StatusCode.ToString();
            }
            return null;
        }
        return null;
    }
}
