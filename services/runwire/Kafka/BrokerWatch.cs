using Confluent.Kafka;

namespace Runwire.Host.Kafka;

/// <summary>
/// Asks the broker for the results topic's metadata at an interval, over the answer publisher's own connection, and
/// remembers since when it has not answered. librdkafka reconnects by itself and says nothing when it succeeds, so
/// only a question that gets an answer tells that the broker is back.
/// </summary>
internal sealed class BrokerWatch(AnswerPublisher publisher, KafkaOptions options, KafkaHealthOptions health, ILogger<BrokerWatch> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _unreachableSince;
    private string? _reason;

    /// <summary>Since when the broker has not answered, and what the last attempt said; null while it answers.</summary>
    public (DateTimeOffset Since, string Reason)? Unreachable
    {
        get
        {
            lock (_gate)
            {
                return _unreachableSince is { } since ? (since, _reason!) : null;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var admin = new DependentAdminClientBuilder(publisher.Handle).Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            // GetMetadata blocks up to its timeout; it gets a thread-pool thread instead of the caller's.
            var error = await Task.Run(() => Ask(admin), CancellationToken.None).ConfigureAwait(false);
            Record(error);
            try
            {
                await Task.Delay(health.ProbeInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private string? Ask(IAdminClient admin)
    {
        try
        {
            var metadata = admin.GetMetadata(options.ResultsTopic, health.ProbeTimeout);
            return metadata.Brokers.Count > 0 ? null : "the cluster named no broker";
        }
        catch (KafkaException e)
        {
            return $"{e.Error.Code}: {e.Error.Reason}";
        }
    }

    private void Record(string? error)
    {
        lock (_gate)
        {
            if (error is null && _unreachableSince is not null)
            {
                Log.BrokerBack(logger, options.BootstrapServers!, (DateTimeOffset.UtcNow - _unreachableSince.Value).TotalSeconds);
                _unreachableSince = null;
                _reason = null;
            }
            else if (error is not null)
            {
                if (_unreachableSince is null)
                {
                    Log.BrokerUnreachable(logger, options.BootstrapServers!, error);
                }
                _unreachableSince ??= DateTimeOffset.UtcNow - health.ProbeTimeout;
                _reason = error;
            }
        }
    }
}
