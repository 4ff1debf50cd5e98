using Runwire.Core.Components;
using Runwire.Core.Components.Basic;

namespace Runwire.Core.Tests.Components.Basic;

public sealed class BasicCatalogTests
{
    [Fact]
    public void Catalog_CoversHetidasCategory_AndIsRegisteredAsBuiltin()
    {
        // hetida v0.9.8 ships 12 components in category Basic (11 JSON exports + the .py Series Difference Quotients).
        Assert.Equal(12, BasicCatalog.All.Select(c => c.Id).Distinct().Count());
        Assert.All(BasicCatalog.All, c => Assert.Same(c, ComponentRegistry.Builtin.Find(c.Id)));
    }
}
