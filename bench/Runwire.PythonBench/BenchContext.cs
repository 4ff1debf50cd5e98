namespace Runwire.PythonBench;

/// <summary>What every section needs: the exports folder, the Python, hetida's runner, how often to repeat, and runwire.dll.</summary>
internal sealed record BenchContext(string Exports, string Python, HetidaJobs Hetida, int Rounds, int ColdStarts, string Runwire);
