using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

public sealed class SeededUuidTests
{
    // Expected: hetida's get_uuid_from_seed(text) (random.seed(text); UUID(int=random.getrandbits(128))) in CPython 3.11.
    [Theory]
    [InlineData("", "34f68880-986c-eb00-7458-f93cf5d15920")]
    [InlineData("a", "9bd5f3dd-113c-f93e-8193-d0d445a3ba4a")]
    [InlineData("component_input_x", "96a191dd-a756-cc14-e9f8-1b7c5cfcddca")]
    [InlineData("\u00e4\u20ac\ud83d\ude00", "733f5b1c-a0d9-6683-de11-44f012ef0eca")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "f7382f7f-2c4d-61ea-af94-12d7d99a0371")]
    [InlineData("component_output_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "69e21d47-73b9-881b-30c3-ac7d4545279d")]
    public void From_Text_IsHetidasUuid(string seed, string expected) => Assert.Equal(Guid.Parse(expected), SeededUuid.From(seed));
}
