using Runwire.Core.Components;
using Runwire.Core.Components.BasicArithmetic;

namespace Runwire.Core.Tests.Components.BasicArithmetic;

public sealed class BasicArithmeticCatalogTests
{
    [Fact]
    public void Catalog_CoversHetidasCategory_AndIsRegisteredAsBuiltin()
    {
        // hetida v0.9.8 ships 7 components in category Basic Arithmetic.
        Assert.Equal(7, BasicArithmeticCatalog.All.Select(c => c.Id).Distinct().Count());
        Assert.All(BasicArithmeticCatalog.All, c => Assert.Same(c, ComponentRegistry.Builtin.Find(c.Id)));
    }
}
