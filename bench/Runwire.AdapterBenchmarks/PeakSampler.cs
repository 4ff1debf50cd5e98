namespace Runwire.AdapterBenchmarks;

/// <summary>Samples the managed heap every millisecond on a background thread and keeps the largest value seen.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;

    public PeakSampler()
    {
        Peak = GC.GetTotalMemory(false);
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                Peak = Math.Max(Peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    public long Peak { get; private set; }

    public void Stop()
    {
        _stop = true;
        _thread.Join();
        Peak = Math.Max(Peak, GC.GetTotalMemory(false));
    }

    public void Dispose() => Stop();
}
