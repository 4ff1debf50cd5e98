namespace Runwire.Core.Components.Arithmetic;

/// <summary>Components of hetida's category "Arithmetic".</summary>
public static class ArithmeticCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new ConsecutiveDifferences(),
        new CumulativeSum(),
        new Derivate(),
        new E(),
        new Exp(),
        new Integrate(),
        new Ln(),
        new LogToBase(),
        new Modulo(),
        new NthRoot(),
        new Pi(),
        new Power(),
        new Sqrt(),
        new SumColumns(),
        new SumUpSeries(),
    ];
}
