using System.Text;
using Runwire.Core.Contracts;
using Runwire.DataAdapters;
using Runwire.DataAdapters.Kafka;

namespace Runwire.Host.Consume;

/// <summary>
/// Consumption mode (hetida's Kafka adapter consumption mode): on when <c>runwire serve --consume FILE</c>
/// (<c>Runwire:Consume:File</c>) or hetida's <c>HETIDA_DESIGNER_KAFKA_CONSUMPTION_MODE</c> holds an execution input
/// without job id. A file or wiring that cannot be consumed stops the host at start with the reason.
/// </summary>
internal static class ConsumeSetup
{
    public static IHostApplicationBuilder AddKafkaConsumption(this IHostApplicationBuilder builder)
    {
        var file = builder.Configuration["Runwire:Consume:File"];
        var text = file is { Length: > 0 } ? Read(file) : builder.Configuration["HETIDA_DESIGNER_KAFKA_CONSUMPTION_MODE"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return builder;
        }
        ExecutionJob job;
        try
        {
            job = JobDecoder.Decode(Encoding.UTF8.GetBytes(text));
        }
        catch (JobDecodeException e)
        {
            throw new ConsumeConfigurationException($"The consumption mode's execution input {file} is not an execution input: {e.Message}");
        }
        KafkaConsumption plan;
        try
        {
            plan = KafkaConsumption.For(AdapterSettings.From(builder.Configuration).Kafka, job.Wiring);
        }
        catch (InvalidOperationException e)
        {
            throw new ConsumeConfigurationException(e.Message);
        }
        var deadLetters = builder.Configuration["Runwire:Consume:DeadLetterTopic"] is { Length: > 0 } topic ? topic : plan.Config.Topic + "_dead_letter";
        var maxInFlight = builder.Configuration["Runwire:Consume:MaxInFlight"] is { Length: > 0 } limit
            ? int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw new ConsumeConfigurationException($"Runwire:Consume:MaxInFlight must be a whole number of at least 1, not '{limit}'.")
            : ConsumeOptions.DefaultMaxInFlight;
        builder.Services.AddSingleton(new ConsumeOptions(job, plan, deadLetters, maxInFlight));
        builder.Services.AddHostedService<ConsumptionService>();
        return builder;
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConsumeConfigurationException($"The consumption mode's execution input {file} cannot be read: {e.Message}");
        }
    }
}
