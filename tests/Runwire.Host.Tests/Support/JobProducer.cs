using System.Text;
using Confluent.Kafka;

namespace Runwire.Host.Tests.Support;

/// <summary>Sends job records as a producer application would: keyed, optionally with headers.</summary>
internal sealed class JobProducer(string bootstrap) : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
    {
        BootstrapServers = bootstrap,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 5,
        MessageMaxBytes = 16 * 1024 * 1024,
    }).SetLogHandler(KafkaClientLog.Drop).Build();

    /// <summary>Sends one record; the delivery report says where it lies (partition and offset).</summary>
    public Task<DeliveryResult<byte[]?, byte[]?>> SendAsync(string? key, byte[]? value, Headers? headers = null, string topic = Topics.Jobs) =>
        _producer.ProduceAsync(topic, new Message<byte[]?, byte[]?>
        {
            Key = key is null ? null : Encoding.UTF8.GetBytes(key),
            Value = value,
            Headers = headers,
        });

    public Task SendAsync(string? key, string value, Headers? headers = null) => SendAsync(key, Encoding.UTF8.GetBytes(value), headers);

    /// <summary>Queues without waiting for each delivery; call <see cref="Flush"/> after a burst.</summary>
    public void Enqueue(string key, string value) =>
        _producer.Produce(Topics.Jobs, new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(key), Value = Encoding.UTF8.GetBytes(value) },
            report =>
            {
                if (report.Error.IsError)
                {
                    throw new InvalidOperationException($"Produce failed: {report.Error}");
                }
            });

    public void Flush() => _producer.Flush(TimeSpan.FromSeconds(60));

    public void Dispose() => _producer.Dispose();
}
