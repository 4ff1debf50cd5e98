using System.Diagnostics;
using System.Globalization;
using Runwire.AdapterBenchmarks;

// Loads a 1M-row timeseries into a job from Parquet, CSV and PostgreSQL and writes it back through the same adapter,
// one scenario per child process so each peak memory figure starts from a clean process.
//   dotnet run -c Release --project bench/Runwire.AdapterBenchmarks -- [rows] [postgres connection string]
if (args is ["--child", var scenario, var dir, var rowText, .. var rest])
{
    var result = await Scenario.RunAsync(scenario, dir, int.Parse(rowText, CultureInfo.InvariantCulture), rest.FirstOrDefault());
    Console.WriteLine(result);
    return 0;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var postgres = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("RUNWIRE_TEST_POSTGRES");
var work = Directory.CreateTempSubdirectory("runwire-bench-").FullName;
try
{
    await Scenario.PrepareAsync(work, rows, postgres);
    Console.WriteLine($"{rows:N0} rows (timestamp + float value), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine("| source | load rows/s | write-back rows/s | job total s | data in memory MB | peak managed MB | peak ÷ data | peak RSS growth MB |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var name in postgres is null ? new[] { "parquet", "csv" } : ["parquet", "csv", "postgres"])
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Scenario).Assembly.Location);
        }
        foreach (var arg in new[] { "--child", name, work, rows.ToString(CultureInfo.InvariantCulture), postgres ?? "" })
        {
            start.ArgumentList.Add(arg);
        }
        var child = Process.Start(start)!;
        var line = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        Console.Write(line);
    }
}
finally
{
    await Scenario.CleanupAsync(postgres);
    Directory.Delete(work, recursive: true);
}
return 0;
