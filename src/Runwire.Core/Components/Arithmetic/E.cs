namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "E": the constant <c>math.e</c>.</summary>
public sealed class E : IComponent
{
    public Guid Id { get; } = new("13d3376a-9c08-d78f-8ad4-6d24fef504ca");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["e"] = Math.E };
}
