using Confluent.Kafka;

namespace Runwire.Host.Tests.Support;

/// <summary>
/// The tests' own producers and consumers stay quiet. Left to librdkafka's default they write every reconnect attempt
/// to stderr, several lines every 50 ms while a test holds the broker down, and the test platform prints all of it
/// after a failure, burying the failure itself. What a test checks is what arrives; the host logs its own client.
/// </summary>
internal static class KafkaClientLog
{
    public static void Drop(IClient client, LogMessage message)
    {
    }
}
