namespace Runwire.Core.Components.Trigonometric;

/// <summary>Components of hetida's category "Trigonometric".</summary>
public static class TrigonometricCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new Arcuscosine(),
        new Arcussine(),
        new Arcustangent(),
        new Cosine(),
        new Sine(),
        new Tangent(),
    ];
}
