using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Cli;

/// <summary>
/// A job that wires a built-in adapter the host has not configured fails with a message that says so and names the
/// setting, instead of hetida's "generic REST adapter" message (which stays for ids nobody knows).
/// </summary>
public sealed class UnconfiguredAdapterTests
{
    [Theory]
    [InlineData("local-file-adapter", "Runwire:Adapters:LocalFile:Roots")]
    [InlineData("sql-adapter", "Runwire:Adapters:Sql:Databases")]
    public void Run_WiringToBuiltinAdapterWithoutConfiguration_FailsNamingTheSetting(string adapter, string setting)
    {
        using var temp = new TempDirectory();
        var job = Path.Combine(temp.Path, "job.json");
        File.WriteAllText(job, Job(adapter));

        var run = RunwireCli.Run(null, "run", job);

        var error = Assert.Single(run.Results)["error"]!;
        Assert.Equal("LOADING_DATA_FROM_ADAPTERS", error["process_stage"]!.GetValue<string>());
        Assert.StartsWith($"The built-in adapter '{adapter}' is not configured in this host: set {setting}", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WiringToUnknownAdapter_FailsWithHetidasMessage()
    {
        using var temp = new TempDirectory();
        var job = Path.Combine(temp.Path, "job.json");
        File.WriteAllText(job, Job("my-adapter"));

        var run = RunwireCli.Run(null, "run", job);

        var message = Assert.Single(run.Results)["error"]!["message"]!.GetValue<string>();
        Assert.StartsWith("Could not find / load necessary generic REST adapter url from designer backend for adapter key my-adapter.", message, StringComparison.Ordinal);
    }

    private static string Job(string adapter) => $$$"""
        {"id": "{{{TestJobs.PassThroughInt}}}", "wiring": {"input_wirings": [
          {"workflow_input_name": "input", "adapter_id": "{{{adapter}}}", "ref_id": "data/values.csv", "ref_id_type": "SOURCE", "ref_key": "count", "type": "metadata(int)"}],
          "output_wirings": []}}
        """;
}
