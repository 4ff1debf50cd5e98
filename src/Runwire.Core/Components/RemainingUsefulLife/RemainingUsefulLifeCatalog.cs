namespace Runwire.Core.Components.RemainingUsefulLife;

/// <summary>Components of hetida's category "Remaining Useful Life".</summary>
public static class RemainingUsefulLifeCatalog
{
    public static IReadOnlyList<IComponent> All { get; } = [new UnivariateLinearRulRegression()];
}
