using System.Text.Json.Nodes;
using Runwire.Core.Components.Python;

namespace Runwire.Core.Tests.Components.Python;

public sealed class PyOpsJsonTests
{
    [Fact]
    public void Binary_ListPlusList_ConcatenatesLikePython()
    {
        var result = PyOps.Binary(BinaryOp.Add, JsonNode.Parse("[1, 2]"), JsonNode.Parse("[3]"));

        Assert.Equal("[1,2,3]", Assert.IsType<JsonArray>(result).ToJsonString());
    }

    [Fact]
    public void Compare_ParsedOneAndBuiltOnePointZero_AreEqualAsIntAndFloat()
    {
        var parsed = JsonNode.Parse("[1]")!.AsArray();
        var built = new JsonArray(JsonValue.Create(1.0));

        Assert.Equal(true, PyOps.Compare(CompareOp.Eq, parsed, built));
    }

    [Fact]
    public void Apply_OnBuiltFloatList_TreatsIntegralFloatsAsFloats()
    {
        var list = new JsonArray(JsonValue.Create(2.0), JsonValue.Create(-3.0));

        Assert.Equal([1.0, -1.0], Assert.IsType<double[]>(PyOps.Apply(UFunc.Sign, list)));
    }

    [Fact]
    public void Apply_OnIntList_KeepsIntsForSign()
    {
        var signs = PyOps.Apply(UFunc.Sign, JsonNode.Parse("[2, -3]"));

        Assert.Equal([1L, -1L], Assert.IsType<object?[]>(signs));
    }
}
