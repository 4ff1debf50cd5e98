using System.CommandLine;

namespace Runwire.Host.Serve;

/// <summary>
/// <c>runwire serve</c>: the standalone host. Any further <c>--Section:Key=value</c> arguments go to the host's
/// configuration (e.g. <c>--Jobs:Concurrency=4</c>, <c>--Kafka:GroupId=mine</c>).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default http://localhost:8080)." };
        var kafka = new Option<string?>("--kafka")
        {
            Description = "Kafka bootstrap servers (HOST:PORT,...): consume jobs and publish results (also Kafka__BootstrapServers).",
        };
        var imports = new Option<string[]>("--import")
        {
            // One folder per --import, so the host arguments after it are not taken for folders.
            Description = "Also import the transformations below this folder (hetida's JSON exports and .py component modules); repeatable.",
        };
        var data = new Option<string?>("--data-dir")
        {
            Description = "Where imported transformations and the record of answered Kafka jobs are kept (default ./data).",
        };
        var consume = new Option<string?>("--consume")
        {
            Description = "Consumption mode: run the execution input in this file (hetida's ExecByIdInput without job_id) on every message of its Kafka input wirings' topic.",
        };
        var command = new Command("serve", "Run the standalone host: HTTP jobs and execution API, job queue, optional Kafka transport.")
        {
            urls, kafka, imports, data, consume,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => ServeHost.RunAsync(
            new ServeSettings(parse.GetValue(urls), parse.GetValue(kafka), parse.GetValue(imports) ?? [], parse.GetValue(data), parse.GetValue(consume)),
            parse.UnmatchedTokens));
        return command;
    }
}
