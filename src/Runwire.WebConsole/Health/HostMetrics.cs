using System.Diagnostics.Metrics;

namespace Runwire.WebConsole.Health;

/// <summary>
/// The host's own job metrics as the health page shows them: the counters <c>runwire.jobs.received</c>,
/// <c>.succeeded</c> and <c>.failed</c> (by process stage) summed into ten-second slots over the last ten minutes, and
/// this host's gauges (<c>runwire.queue.depth</c>, <c>.capacity</c>, <c>runwire.jobs.in_flight</c>) read when asked, where it has them.
/// </summary>
public sealed class HostMetrics : IDisposable
{
    public const int SlotSeconds = 10;
    public const int Slots = 60;
    private const string Prefix = "runwire.";

    private readonly MeterListener _listener = new();
    private readonly IMeterFactory _meters;
    private readonly Lock _gate = new();
    private readonly Slot[] _slots = new Slot[Slots];
    private readonly Dictionary<string, long> _gauges = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public HostMetrics(IMeterFactory meters, TimeProvider? time = null)
    {
        _meters = meters;
        _time = time ?? TimeProvider.System;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Counters come from the process-wide meter; gauges only from this host's (another host in the process has its own queue).
            if (instrument.Meter.Name == Runwire.Core.Telemetry.RunwireTelemetry.Name && instrument.Name.StartsWith(Prefix, StringComparison.Ordinal)
                && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, _meters)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => OnMeasurement(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => OnMeasurement(i, value, tags));
        _listener.Start();
    }

    public HealthSnapshot Read()
    {
        _listener.RecordObservableInstruments();
        var now = Current();
        lock (_gate)
        {
            var slots = Enumerable.Range(0, Slots)
                .Select(back => now - back)
                .Select(index => _slots[Mod(index)] is { } slot && slot.Index == index ? slot.Copy() : new Slot(index))
                .Reverse()
                .ToList();
            return new HealthSnapshot(Gauge("runwire.queue.depth"), Gauge("runwire.queue.capacity"), Gauge("runwire.jobs.in_flight"), slots, _time.GetUtcNow());
        }
    }

    public void Dispose() => _listener.Dispose();

    // Null when this host has no such gauge (ingest has no queue of its own: its jobs wait as workflow instances).
    private long? Gauge(string name) => _gauges.TryGetValue(name, out var value) ? value : null;

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument.IsObservable)
        {
            lock (_gate)
            {
                _gauges[instrument.Name] = value;
            }
            return;
        }
        string? stage = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "runwire.process_stage")
            {
                stage = tag.Value as string;
            }
        }
        lock (_gate)
        {
            var slot = SlotNow();
            switch (instrument.Name)
            {
                case "runwire.jobs.received":
                    slot.Received += value;
                    break;
                case "runwire.jobs.succeeded":
                    slot.Succeeded += value;
                    break;
                case "runwire.jobs.failed":
                    slot.Failed += value;
                    var key = stage ?? "unknown";
                    slot.FailedByStage[key] = slot.FailedByStage.GetValueOrDefault(key) + value;
                    break;
            }
        }
    }

    private Slot SlotNow()
    {
        var index = Current();
        ref var slot = ref _slots[Mod(index)];
        if (slot is null || slot.Index != index)
        {
            slot = new Slot(index);
        }
        return slot;
    }

    private long Current() => _time.GetUtcNow().ToUnixTimeSeconds() / SlotSeconds;

    private static int Mod(long index) => (int)(index % Slots);
}

/// <summary>Counts of one ten-second slot.</summary>
public sealed class Slot(long index)
{
    public long Index { get; } = index;

    public DateTimeOffset Start => DateTimeOffset.FromUnixTimeSeconds(Index * HostMetrics.SlotSeconds);

    public long Received { get; set; }

    public long Succeeded { get; set; }

    public long Failed { get; set; }

    public Dictionary<string, long> FailedByStage { get; private init; } = new(StringComparer.Ordinal);

    public Slot Copy() => new(Index)
    {
        Received = Received, Succeeded = Succeeded, Failed = Failed, FailedByStage = new(FailedByStage, StringComparer.Ordinal),
    };
}

/// <summary>What the health page shows: gauges now (null where the host has none), and the slots of the last ten minutes, oldest first.</summary>
public sealed record HealthSnapshot(long? QueueDepth, long? QueueCapacity, long? InFlight, IReadOnlyList<Slot> Slots, DateTimeOffset At)
{
    /// <summary>Jobs answered per second over the last <paramref name="seconds"/> (whole slots, the running one included).</summary>
    public double AnsweredPerSecond(int seconds)
    {
        var slots = Slots.TakeLast(Math.Max(1, seconds / HostMetrics.SlotSeconds)).ToList();
        return slots.Sum(s => s.Succeeded + s.Failed) / (double)(slots.Count * HostMetrics.SlotSeconds);
    }

    public IReadOnlyDictionary<string, long> FailuresByStage(int minutes) => Slots
        .TakeLast(minutes * 60 / HostMetrics.SlotSeconds)
        .SelectMany(s => s.FailedByStage)
        .GroupBy(p => p.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
}
