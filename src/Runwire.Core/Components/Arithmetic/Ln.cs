using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Ln": <c>np.log(data)</c>.</summary>
public sealed class Ln : IComponent
{
    public Guid Id { get; } = new("9f3ebd8c-92cf-deb1-09e9-d67ba16e9754");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["ln"] = PyOps.Apply(UFunc.Log, inputs["data"]) };
}
