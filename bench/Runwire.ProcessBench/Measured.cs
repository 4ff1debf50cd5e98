namespace Runwire.ProcessBench;

/// <summary>CPU seconds (user + system) and wall seconds of one measured stretch.</summary>
internal readonly record struct Measured(double Cpu, double Wall)
{
    public static Measured operator -(Measured a, Measured b) => new(a.Cpu - b.Cpu, a.Wall - b.Wall);

    /// <summary>Milliseconds per job.</summary>
    public Measured PerJob(int jobs) => new(Cpu * 1e3 / jobs, Wall * 1e3 / jobs);
}
