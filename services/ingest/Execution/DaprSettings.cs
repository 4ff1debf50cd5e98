using System.Globalization;

namespace Runwire.Ingest.Execution;

/// <summary>
/// Settings under <c>Runwire:Dapr:</c> (docs/dapr.md "Answers, retries and state"): how long a job's answer waits for
/// a pub/sub that fails transiently, and how long a finished job's id is remembered to skip redeliveries.
/// </summary>
internal sealed record DaprSettings(
    TimeSpan PublishRetryFor, TimeSpan PublishRetryDelay, TimeSpan PublishRetryMaxDelay, int PublishAttemptsPerGeneration, TimeSpan DuplicateWindow)
{
    public static DaprSettings Default { get; } = new(TimeSpan.FromHours(12), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 10, TimeSpan.FromDays(7));

    /// <summary><c>ttlInSeconds</c> for the state store entries that must outlive the duplicate window and no more.</summary>
    public IReadOnlyDictionary<string, string> TtlMetadata { get; } = new Dictionary<string, string>
    {
        ["ttlInSeconds"] = ((long)DuplicateWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    };

    public AnswerRetry AnswerRetry => new(PublishRetryFor, PublishRetryDelay, PublishRetryMaxDelay, PublishAttemptsPerGeneration);

    public static DaprSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Runwire:Dapr");
        var defaults = Default;
        var settings = new DaprSettings(
            TimeSpan.FromHours(section.GetValue("PublishRetryHours", defaults.PublishRetryFor.TotalHours)),
            section.GetValue("PublishRetryDelay", defaults.PublishRetryDelay),
            section.GetValue("PublishRetryMaxDelay", defaults.PublishRetryMaxDelay),
            section.GetValue("PublishAttemptsPerGeneration", defaults.PublishAttemptsPerGeneration),
            TimeSpan.FromHours(section.GetValue("DuplicateWindowHours", defaults.DuplicateWindow.TotalHours)));
        if (settings.PublishRetryFor < TimeSpan.Zero || settings.PublishRetryDelay <= TimeSpan.Zero
            || settings.PublishRetryMaxDelay < settings.PublishRetryDelay || settings.PublishAttemptsPerGeneration < 1
            || settings.DuplicateWindow < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException(
                "Runwire:Dapr: PublishRetryHours must be 0 or more, PublishRetryDelay more than 0 and at most PublishRetryMaxDelay, "
                + "PublishAttemptsPerGeneration 1 or more, DuplicateWindowHours more than 0.");
        }
        return settings;
    }
}
