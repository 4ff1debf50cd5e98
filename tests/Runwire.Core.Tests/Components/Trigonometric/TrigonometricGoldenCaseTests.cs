using Runwire.Core.Components;
using Runwire.Core.Components.Trigonometric;

namespace Runwire.Core.Tests.Components.Trigonometric;

public sealed class TrigonometricGoldenCaseTests
{
    [Fact]
    public void Sine_CompSineFloat_GivesTheGoldenValueExactly()
    {
        var outputs = new Sine().Run(new ComponentInputs(new Dictionary<string, object?> { ["data"] = 0.5 }));

        Assert.Equal(0.479425538604203, outputs["result"]);
    }
}
