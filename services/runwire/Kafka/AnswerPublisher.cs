using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Runwire.DataAdapters.Kafka;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;

namespace Runwire.Host.Kafka;

/// <summary>
/// Publishes results (and dead letters) keyed like the job, with its trace headers. A broker that is away is waited
/// for: the job's offset is committed only after this returns, so an answer is never skipped.
/// </summary>
internal sealed class AnswerPublisher(KafkaOptions options, ILogger<AnswerPublisher> logger) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly string[] TraceHeaders = ["traceparent", "tracestate"];
    private readonly IProducer<byte[]?, byte[]> _producer = Build(options, logger);
    private readonly ConcurrentDictionary<long, long> _pending = new();
    private readonly CancellationTokenSource _abandon = new();
    private long _sequence;


    /// <summary>Answers (and dead letters) handed to the broker and not acknowledged yet.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>How long the oldest unacknowledged answer has waited; zero when none waits.</summary>
    public TimeSpan OldestPendingAge
    {
        get
        {
            var oldest = long.MaxValue;
            foreach (var started in _pending.Values)
            {
                oldest = Math.Min(oldest, started);
            }
            return oldest == long.MaxValue ? TimeSpan.Zero : Stopwatch.GetElapsedTime(oldest);
        }
    }

    /// <summary>
    /// A stop that cannot wait any longer: every answer still waiting for the broker gives up (its job is not recorded
    /// as answered and its offset not committed, so it is delivered again).
    /// </summary>
    public void Abandon() => _abandon.Cancel();

    public string ResultsTopic => options.ResultsTopic;

    public string DeadLetterTopic => options.DeadLetterTopic;

    /// <summary>The producer's handle, for admin requests over its connections.</summary>
    public Handle Handle => _producer.Handle;

    /// <summary>
    /// Publishes the result keyed like the job. Its <c>traceparent</c> is the publish span's when tracing is on (the
    /// job's trace, continued by a consumer from our span), else the job's own trace headers, passed on as they came.
    /// </summary>
    public async Task PublishResultAsync(Message<byte[]?, byte[]?> job, JobAnswer jobAnswer, Activity? publish, CancellationToken ct)
    {
        var result = jobAnswer.Result;
        var answer = new Message<byte[]?, byte[]> { Key = job.Key, Value = jobAnswer.ToUtf8(), Headers = Trace(job.Headers, publish) };
        if (await SendAsync(options.ResultsTopic, answer, ct).ConfigureAwait(false) is { } refused)
        {
            // The result itself cannot go out (e.g. larger than the broker takes): say so, in a result that fits.
            var error = new ExecutionError("ResultPublishError", $"The result could not be published to '{options.ResultsTopic}': {refused.Reason}",
                ProcessStage.ENCODING_RESULTS_TO_JSON);
            answer.Value = ResultWriter.ToUtf8(result with { Error = error, Outputs = [], Traceback = Tracebacks.Of(error) });
            if (await SendAsync(options.ResultsTopic, answer, ct).ConfigureAwait(false) is { } again)
            {
                Log.AnswerLost(logger, result.JobId, again.Reason);
            }
        }
    }

    /// <summary>
    /// The original bytes, key and headers of a job that could not be decoded, with what was wrong. An oversized job's
    /// bytes are left out (they were not kept, or not even read); its size is in <c>runwire-size</c>.
    /// </summary>
    public async Task DeadLetterAsync(ConsumeResult<byte[]?, byte[]?> job, JobAnswer answer, Oversize? oversize, CancellationToken ct)
    {
        var letter = Letter(job, answer.Result.Error?.Message ?? "undecodable", oversize);
        if (await SendAsync(options.DeadLetterTopic, letter, ct).ConfigureAwait(false) is { } refused)
        {
            Log.DeadLetterRefused(logger, options.DeadLetterTopic, refused.Reason);
        }
    }

    /// <summary>A record's dead letter: its key, bytes and headers, with <c>runwire-error</c> (why) and <c>runwire-source</c> (where it lay).</summary>
    public static Message<byte[]?, byte[]> Letter(ConsumeResult<byte[]?, byte[]?> record, string reason, Oversize? oversize = null)
    {
        var headers = new Headers();
        foreach (var header in record.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }
        headers.Add("runwire-error", Encoding.UTF8.GetBytes(reason.Length > 2000 ? reason[..2000] : reason));
        headers.Add("runwire-source", Encoding.UTF8.GetBytes($"{record.Topic}/{record.Partition.Value}/{record.Offset.Value}"));
        if (oversize?.Size is { } size)
        {
            headers.Add("runwire-size", Encoding.ASCII.GetBytes(size.ToString(CultureInfo.InvariantCulture)));
        }
        return new Message<byte[]?, byte[]> { Key = record.Message.Key, Value = oversize is null ? record.Message.Value ?? [] : [], Headers = headers };
    }

    public void Flush(TimeSpan timeout) => _producer.Flush(timeout);

    public void Dispose()
    {
        _producer.Dispose();
        _abandon.Dispose();
    }

    /// <summary>Null when delivered; the error when the broker refuses this message for good.</summary>
    private Task<Error?> SendAsync(string topic, Message<byte[]?, byte[]> message, CancellationToken ct) =>
        SendAsync(new TopicPartition(topic, Partition.Any), message, ct);

    /// <summary>Null when delivered; the error when the broker refuses this message for good. A broker away is waited for.</summary>
    public async Task<Error?> SendAsync(TopicPartition topic, Message<byte[]?, byte[]> message, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _sequence);
        _pending[id] = Stopwatch.GetTimestamp();
        using var give = CancellationTokenSource.CreateLinkedTokenSource(ct, _abandon.Token);
        try
        {
            while (true)
            {
                try
                {
                    await _producer.ProduceAsync(topic, message, give.Token).ConfigureAwait(false);
                    return null;
                }
                catch (ProduceException<byte[]?, byte[]> e) when (IsPermanent(e.Error.Code))
                {
                    return e.Error;
                }
                catch (KafkaException e)
                {
                    Log.PublishRetry(logger, topic.Topic, e.Error.Reason);
                    await Task.Delay(RetryDelay, give.Token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private static bool IsPermanent(ErrorCode code) => code is ErrorCode.MsgSizeTooLarge
        or ErrorCode.RecordListTooLarge or ErrorCode.InvalidMsgSize or ErrorCode.InvalidMsg or ErrorCode.InvalidRecord
        or ErrorCode.TopicAuthorizationFailed or ErrorCode.TopicException;

    private static Headers? Trace(Headers? headers, Activity? publish)
    {
        if (KafkaTrace.Headers(publish) is { } traced)
        {
            return traced;
        }
        if (headers is null)
        {
            return null;
        }
        var copy = new Headers();
        foreach (var name in TraceHeaders)
        {
            if (headers.TryGetLastBytes(name, out var value))
            {
                copy.Add(name, value);
            }
        }
        return copy.Count > 0 ? copy : null;
    }

    private static IProducer<byte[]?, byte[]> Build(KafkaOptions options, ILogger logger)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = $"runwire-{Environment.MachineName}-{Environment.ProcessId}",
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 2,
            // Dead letters carry the job's bytes whatever their size; a broker with a lower limit refuses them (logged).
            MessageMaxBytes = 16 * 1024 * 1024,
        };
        foreach (var (key, value) in options.Producer)
        {
            config.Set(key, value);
        }
        return new ProducerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, e) => Log.ClientError(logger, "producer", e.Code, e.Reason))
            .SetLogHandler((_, m) => Log.ClientLog(logger, "producer", m.Facility, m.Message))
            .Build();
    }
}
