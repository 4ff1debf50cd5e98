using System.Globalization;
using Runwire.DataAdapters;
using Runwire.DataAdapters.Kafka;

namespace Runwire.Host.Consume;

/// <summary>
/// Consumption mode (hetida's Kafka adapter consumption mode): on when <c>runwire serve --consume FILE</c>
/// (<c>Runwire:Consume:File</c>) or hetida's <c>HETIDA_DESIGNER_KAFKA_CONSUMPTION_MODE</c> holds an execution input
/// without job id. A file, wiring or setting that cannot be consumed stops the host at start with the reason.
/// </summary>
internal static class ConsumeSetup
{
    public static IHostApplicationBuilder AddKafkaConsumption(this IHostApplicationBuilder builder)
    {
        // A file or wiring that cannot be consumed throws AdapterConfigurationException with the reason (serve stops).
        if (KafkaConsumptionInput.From(builder.Configuration) is not { } input)
        {
            return builder;
        }
        var deadLetters = builder.Configuration["Runwire:Consume:DeadLetterTopic"] is { Length: > 0 } topic ? topic : input.Plan.Config.Topic + "_dead_letter";
        var maxInFlight = builder.Configuration["Runwire:Consume:MaxInFlight"] is { Length: > 0 } limit
            ? int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw new AdapterConfigurationException($"Runwire:Consume:MaxInFlight must be a whole number of at least 1, not '{limit}'.")
            : ConsumeOptions.DefaultMaxInFlight;
        builder.Services.AddSingleton(new ConsumeOptions(input.Job, input.Plan, deadLetters, maxInFlight));
        builder.Services.AddHostedService<ConsumptionService>();
        return builder;
    }
}
