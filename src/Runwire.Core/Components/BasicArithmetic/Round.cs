using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>hetida "Round": Python's <c>round(data, decimals)</c>.</summary>
public sealed class Round : IComponent
{
    public Guid Id { get; } = new("50220962-16c0-c94f-8f0a-1e57d76e6878");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["rounded"] = PyOps.Round(inputs["data"], inputs["decimals"]) };
}
