using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Runwire.DataAdapters.Kafka;

/// <summary>The W3C trace context headers a Kafka record carries so that its consumer joins the trace of the span that sent it.</summary>
public static class KafkaTrace
{
    /// <summary><c>traceparent</c> (and <c>tracestate</c>) of <paramref name="span"/>; null when it has no W3C id.</summary>
    public static Headers? Headers(Activity? span)
    {
        if (span is not { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            return null;
        }
        var headers = new Headers { { "traceparent", Encoding.ASCII.GetBytes(id) } };
        if (!string.IsNullOrEmpty(span.TraceStateString))
        {
            headers.Add("tracestate", Encoding.ASCII.GetBytes(span.TraceStateString));
        }
        return headers;
    }
}
