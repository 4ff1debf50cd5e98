using System.Diagnostics;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Cli;

/// <summary><c>runwire run --import DIR</c> on a user's own folder of .py components.</summary>
public sealed class RunImportTests
{
    private const string Scale = """"
        """Documentation for Scale

        # Scale
        """

        COMPONENT_INFO = {
            "inputs": {"x": {"data_type": "FLOAT"}, "factor": {"data_type": "FLOAT", "default_value": 2.0}},
            "outputs": {"y": {"data_type": "FLOAT"}},
            "name": "Scale",
            "category": "Mine",
            "id": "c0ffee00-0000-4000-8000-0000000000c1",
            "revision_group_id": "c0ffee00-0000-4000-8000-0000000000c1",
        }


        def main(*, x, factor=2.0):
            return {"y": x * factor}
        """";

    [Fact]
    public async Task Run_ImportFolderWithPyComponents_ReportsWhatItImportedAndFindsTheComponent()
    {
        using var temp = new TempDirectory();
        var components = temp.Sub("components");
        await File.WriteAllTextAsync(Path.Combine(components, "scale.py"), Scale, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(temp.Sub("components/sub"), "broken.py"), "COMPONENT_INFO = {\"name\": DataType.SERIES}\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(components, "README.md"), "# my components\n", TestContext.Current.CancellationToken);
        var job = Path.Combine(temp.Path, "job.json");
        await File.WriteAllTextAsync(job, """
            {"id": "c0ffee00-0000-4000-8000-0000000000c1", "wiring": {"input_wirings": [
              {"workflow_input_name": "x", "adapter_id": "direct_provisioning", "filters": {"value": "1.5"}}], "output_wirings": []}}
            """, TestContext.Current.CancellationToken);

        var (stdout, stderr) = await RunAsync("run", "--import", components, job);

        Assert.Equal(
            [
                $"Imported 1 transformations from {components} (1 components, 0 workflows)",
                $"runwire: Invalid transformation {Path.Combine(components, "sub", "broken.py")}: not readable as a hetida component module: "
                + "line 1, column 27: not a literal (the name 'DataType' is not a literal)",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // The job found the imported component. Whether its Python code then runs depends on a Python runner being
        // available (without one it fails with hetida's NodeFunctionLoadingError); an unknown id would not get this far.
        var result = JsonNode.Parse(stdout)!;
        if (result["result"]!.GetValue<string>() == "ok")
        {
            Assert.Equal(3.0, result["output_results_by_output_name"]!["y"]!.GetValue<double>());
        }
        else
        {
            Assert.Equal("NodeFunctionLoadingError", result["error"]!["type"]!.GetValue<string>());
            Assert.Equal("Scale", result["error"]!["operator_info"]!["transformation_info"]!["name"]!.GetValue<string>());
        }
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Paths.Runwire);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (await stdout, await stderr);
    }
}
