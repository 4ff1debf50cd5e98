using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.KafkaAdapter;

/// <summary>Adapter settings that cannot work stop <c>runwire serve</c> at start with one line naming them, not a stack trace.</summary>
public sealed class KafkaSettingsStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Serve_MalformedHdKafkaConfigs_RefusesToStartInOneLineNamingTheConfig()
    {
        var run = RunwireCli.Run(new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = """{"plant": {"topic": 5}}""" },
            "serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Sub("data"), "--Runwire:Auth:Mode=none");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("runwire: Adapter settings: Kafka config 'plant' needs display_name as a string.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
