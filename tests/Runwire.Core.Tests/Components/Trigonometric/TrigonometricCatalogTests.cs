using Runwire.Core.Components;
using Runwire.Core.Components.Trigonometric;

namespace Runwire.Core.Tests.Components.Trigonometric;

public sealed class TrigonometricCatalogTests
{
    [Fact]
    public void Catalog_CoversHetidasCategory_AndIsRegisteredAsBuiltin()
    {
        // hetida v0.9.8 ships 6 components in category Trigonometric.
        Assert.Equal(6, TrigonometricCatalog.All.Select(c => c.Id).Distinct().Count());
        Assert.All(TrigonometricCatalog.All, c => Assert.Same(c, ComponentRegistry.Builtin.Find(c.Id)));
    }
}
