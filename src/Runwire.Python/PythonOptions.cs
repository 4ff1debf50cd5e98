using Microsoft.Extensions.Configuration;
using Runwire.Core.Components.Runners;

namespace Runwire.Python;

/// <summary>Whether Python workers run inside bubblewrap.</summary>
public enum SandboxMode
{
    /// <summary>bubblewrap when it is installed and works; otherwise rlimits only, with a warning at start-up.</summary>
    Auto,

    /// <summary>bubblewrap or nothing: without it the pool refuses to run Python components.</summary>
    Required,

    /// <summary>No sandbox, rlimits only (development).</summary>
    Off,
}

/// <summary>
/// Settings under <c>Runwire:Python:</c> and <c>Runwire:Components:Prefer</c>. Executable: the Python that has pandas
/// and the libraries component code imports. Workers: processes in the pool (default: the number of cores).
/// CallTimeoutSeconds: a call that runs longer is killed with its worker. MemoryMb: address-space limit of each worker.
/// </summary>
public sealed record PythonOptions
{
    public string Executable { get; init; } = "python3";

    public int Workers { get; init; } = Environment.ProcessorCount;

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int MemoryMb { get; init; } = 4096;

    public SandboxMode Sandbox { get; init; } = SandboxMode.Auto;

    /// <summary>Where <c>runwire_worker.py</c> and <c>hdutils.py</c> are (default: next to the binaries).</summary>
    public string WorkerDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "python-worker");

    /// <summary>False turns the Python runner off: components without a C# implementation then fail to load.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Which runner a component runs in when it has both C# and Python code.</summary>
    public ComponentRunner Prefer { get; init; } = ComponentRunner.CSharp;

    public static PythonOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Runwire:Python");
        var defaults = new PythonOptions();
        return new PythonOptions
        {
            Executable = section["Executable"] ?? defaults.Executable,
            Workers = Positive(section, "Workers", defaults.Workers),
            CallTimeout = TimeSpan.FromSeconds(Positive(section, "CallTimeoutSeconds", (int)defaults.CallTimeout.TotalSeconds)),
            MemoryMb = Positive(section, "MemoryMb", defaults.MemoryMb),
            Sandbox = Parse(section["Sandbox"], defaults.Sandbox, "Runwire:Python:Sandbox"),
            WorkerDirectory = section["WorkerDirectory"] ?? defaults.WorkerDirectory,
            Enabled = section["Enabled"] is not { } enabled || bool.Parse(enabled),
            Prefer = Parse(configuration["Runwire:Components:Prefer"], defaults.Prefer, "Runwire:Components:Prefer"),
        };
    }

    private static int Positive(IConfigurationSection section, string key, int fallback) =>
        section[key] is not { } text ? fallback
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new InvalidOperationException($"Runwire:Python:{key} must be a positive integer, got '{text}'.");

    private static T Parse<T>(string? text, T fallback, string key) where T : struct, Enum =>
        text is null ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw new InvalidOperationException($"{key} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, got '{text}'.");
}
