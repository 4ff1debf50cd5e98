using Runwire.Core.Components.Python;

namespace Runwire.Core.Tests.Components.Python;

public sealed class NumpySumTests
{
    [Fact]
    public void Sum_300Reciprocals_MatchesNumpysPairwiseResultNotTheSequentialOne()
    {
        var values = Enumerable.Range(1, 300).Select(i => 1.0 / i).ToArray();

        // np.sum gives 6.282663880299504; adding left to right gives 6.282663880299502.
        Assert.Equal(6.282663880299504, NumpySum.Sum(values));
    }

    [Fact]
    public void Sum_OnlyNegativeZeros_IsPositiveZeroLikeNumpy() =>
        Assert.False(double.IsNegative(NumpySum.Sum([-0.0, -0.0])));
}
