using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Power": <c>base ** exponent</c>.</summary>
public sealed class Power : IComponent
{
    public Guid Id { get; } = new("d24f40ae-4dfb-248f-6461-e67be3e5de8a");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["power"] = PyOps.Binary(BinaryOp.Power, inputs["base"], inputs["exponent"]) };
}
