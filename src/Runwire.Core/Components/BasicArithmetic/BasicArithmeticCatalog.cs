namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>Components of hetida's category "Basic Arithmetic".</summary>
public static class BasicArithmeticCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new Abs(),
        new Add(),
        new Divide(),
        new Multiply(),
        new Round(),
        new Signum(),
        new Substract(),
    ];
}
