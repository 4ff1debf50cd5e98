using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>hetida "Abs": Python's <c>abs(data)</c>.</summary>
public sealed class Abs : IComponent
{
    public Guid Id { get; } = new("ea4a196f-5d94-d3cf-02e8-8c750414fc89");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["absolute"] = PyOps.Abs(inputs["data"]) };
}
