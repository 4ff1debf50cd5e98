using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Console;

/// <summary>The workflow fixture with a small job store bound (<c>Jobs:RetainFinished</c>), so a test can go past it.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const int Retained = 4;

    public WorkflowFixture Workflow { get; } = new();

    public ValueTask InitializeAsync() =>
        Workflow.StartAsync(configure: b => b.UseSetting("Jobs:RetainFinished", Retained.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public ValueTask DisposeAsync() => Workflow.DisposeAsync();
}
