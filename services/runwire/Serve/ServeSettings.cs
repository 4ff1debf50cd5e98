namespace Runwire.Host.Serve;

/// <summary>What the <c>serve</c> options say; each one overrides the configuration key it stands for.</summary>
internal sealed record ServeSettings(string? Urls, string? Kafka, IReadOnlyList<string> Imports, string? DataDirectory, string? Consume = null)
{
    public const string DefaultUrls = "http://localhost:8080";

    public Dictionary<string, string?> Overrides(IConfiguration configuration)
    {
        var overrides = new Dictionary<string, string?>();
        if (Kafka is not null)
        {
            overrides["Kafka:BootstrapServers"] = Kafka;
        }
        if (Consume is not null)
        {
            overrides["Runwire:Consume:File"] = Consume;
        }
        // The answered-jobs log must survive restarts, so serve always has a data directory.
        overrides["Runwire:DataDirectory"] = DataDirectory ?? configuration["Runwire:DataDirectory"] ?? "data";
        var existing = configuration.GetSection("Runwire:ImportDirectories").GetChildren().Count();
        for (var i = 0; i < Imports.Count; i++)
        {
            overrides[$"Runwire:ImportDirectories:{existing + i}"] = Imports[i];
        }
        return overrides;
    }
}
