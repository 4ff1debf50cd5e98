namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Pi": the constant <c>math.pi</c>.</summary>
public sealed class Pi : IComponent
{
    public Guid Id { get; } = new("84337854-360a-bbc3-203c-f795d549076d");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["pi"] = Math.PI };
}
