using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>hetida "Signum": <c>np.sign(data)</c>.</summary>
public sealed class Signum : IComponent
{
    public Guid Id { get; } = new("24f115a8-45ad-21f2-c6ce-8edfc28f3b3f");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["signum"] = PyOps.Apply(UFunc.Sign, inputs["data"]) };
}
