using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Runwire.Ingest.Tests.Support;

/// <summary>
/// Requests exactly as daprd 1.18 delivers a raw Kafka record over HTTP (dapr-notes §1.3, §2.3): a CloudEvent with
/// alphabetically ordered keys whose data_base64 holds the record value, and the message metadata as headers.
/// </summary>
public static class Deliveries
{
    public const string Traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    public static HttpRequestMessage Record(byte[] value, string? key, int partition = 0, long offset = 7, string? traceparent = Traceparent,
        string topic = "designer_initialize_job", string route = "/events/jobs")
    {
        var cloudEvent = new JsonObject
        {
            ["data_base64"] = Convert.ToBase64String(value),
            ["datacontenttype"] = "application/octet-stream",
            ["id"] = Guid.NewGuid().ToString(),
            ["pubsubname"] = "jobs-pubsub",
            ["source"] = "Dapr",
            ["specversion"] = "1.0",
            ["topic"] = topic,
            ["type"] = "com.dapr.event.sent",
        };
        if (traceparent is not null)
        {
            cloudEvent["traceparent"] = traceparent;
        }
        var request = new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        if (key is not null)
        {
            request.Headers.Add("__key", key);
        }
        request.Headers.Add("__offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("__partition", partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("__topic", topic);
        request.Headers.Add("__timestamp", "1764259200000");
        request.Headers.Add("pubsubName", "jobs-pubsub");
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }
        return request;
    }
}
