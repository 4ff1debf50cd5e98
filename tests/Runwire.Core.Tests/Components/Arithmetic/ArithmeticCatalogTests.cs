using Runwire.Core.Components;
using Runwire.Core.Components.Arithmetic;

namespace Runwire.Core.Tests.Components.Arithmetic;

public sealed class ArithmeticCatalogTests
{
    [Fact]
    public void Catalog_CoversHetidasCategory_AndIsRegisteredAsBuiltin()
    {
        // hetida v0.9.8 ships 15 components in category Arithmetic.
        Assert.Equal(15, ArithmeticCatalog.All.Select(c => c.Id).Distinct().Count());
        Assert.All(ArithmeticCatalog.All, c => Assert.Same(c, ComponentRegistry.Builtin.Find(c.Id)));
    }
}
