using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Tests.Support;

namespace Runwire.Executor.Tests;

/// <summary>
/// A job the engine fails on unexpectedly gets the failure answer the standalone host gives, from both workflow steps,
/// not a 500 that ingest would retry and then report as the executor being unreachable.
/// </summary>
public sealed class EngineCrashStepTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("runwire-crash-").FullName;
    private readonly Guid _selfNesting = Guid.NewGuid();

    public EngineCrashStepTests()
    {
        // Stored before the start, the way a persisted import lies there (an import of it over HTTP is refused).
        var folder = Directory.CreateDirectory(Path.Combine(_data, "transformations")).FullName;
        File.WriteAllText(Path.Combine(folder, $"{_selfNesting}.json"), TrafoJson.Nesting(_selfNesting, "Ouroboros", _selfNesting).ToJsonString());
    }

    [Fact]
    public async Task SelfNestingWorkflow_RunAnswersAFailureResult_With200()
    {
        await using var factory = new ExecutorFactory { DataDirectory = _data };
        var job = new ExecutionJob(_selfNesting, null, WorkflowWiring.Empty, false, Guid.NewGuid(), true, JobFormat.ExecById);
        var body = new RunRequest(job, new Dictionary<string, string>(), []);

        using var response = await factory.CreateClient().PostAsync(new Uri("/internal/run", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(body, StepJson.Options), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<StepAnswer>(StepJson.Options, TestContext.Current.CancellationToken))!;
        Assert.Equal(("Executed", 200), (answer.Kind, answer.HttpStatus));
        Assert.Equal("failure", answer.Result!["result"]!.GetValue<string>());
        Assert.Equal(job.JobId.ToString("D"), answer.Result["job_id"]!.GetValue<string>());
        Assert.Contains("nested more than 64 levels deep", answer.Result["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
