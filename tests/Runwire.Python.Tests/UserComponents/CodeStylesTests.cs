using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.UserComponents;

/// <summary>The other ways hetida users write components: <c>async def main</c>, the older <c>@register</c> decorator.</summary>
public sealed class CodeStylesTests(Support.Python python)
{
    [Fact]
    public async Task AsyncMain_Job_AwaitsAndAnswers()
    {
        var component = PythonComponent.Create("Async Doubler", [("x", "INT", null)], [("y", "INT"), ("was_coroutine", "BOOLEAN")],
            """
            await asyncio.sleep(0.01)
            return {"y": x * 2, "was_coroutine": asyncio.current_task() is not None}
            """, imports: "import asyncio", isAsync: true);

        var outputs = Jobs.Outputs(await RunAsync(component, ("x", "21")));

        JsonAssert.Equivalent(JsonNode.Parse("""{"y": 42, "was_coroutine": true}"""), outputs, 0);
    }

    [Fact]
    public async Task AsyncMain_Raising_FailsLikeSyncCode()
    {
        var component = PythonComponent.Create("Async Failure", [("x", "INT", null)], [("y", "INT")],
            """
            await asyncio.sleep(0)
            raise ValueError(f"cannot handle {x}")
            """, imports: "import asyncio", isAsync: true);

        var error = Jobs.Error(await RunAsync(component, ("x", "7")));

        Assert.Equal("ValueError", error["type"]!.GetValue<string>());
        Assert.Equal("cannot handle 7", error["message"]!.GetValue<string>());
        Assert.Equal("EXECUTING_COMPONENT_CODE", error["process_stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegisterDecoratorStyle_Job_Answers()
    {
        // The code hetida's designer generated before COMPONENT_INFO (still imported by old exports).
        var component = PythonComponent.Export("Old Style Scale",
            """"
            from hetdesrun.component.registration import register
            from hetdesrun.datatypes import DataType

            import pandas as pd

            # ***** DO NOT EDIT LINES BELOW *****
            # These lines may be overwritten if input/output changes.
            @register(
                inputs={"series": DataType.Series, "factor": DataType.Float},
                outputs={"scaled": DataType.Series},
            )
            def main(*, series, factor):
                """entrypoint function for this component"""
                # ***** DO NOT EDIT LINES ABOVE *****
                # write your function code here.
                return {"scaled": series * factor}
            """", [("series", "SERIES", null), ("factor", "FLOAT", null)], [("scaled", "SERIES")]);

        var outputs = Jobs.Outputs(await RunAsync(component, ("series", "[1.0, 2.5]"), ("factor", "2")));

        JsonAssert.Equivalent(JsonNode.Parse("""
            {"scaled": {"__hd_wrapped_data_object__": "SERIES", "__metadata__": {}, "__data__": {"name": null, "index": [0, 1], "data": [2.0, 5.0]},
                        "__data_parsing_options__": {"orient": "split"}}}
            """), outputs, 0);
    }

    [Fact]
    public async Task PrintsAndLogging_Job_AnswersAndTheLinesReachTheHostLog()
    {
        // print, stderr, logging, something shaped like a channel frame, and 1 MB in one line: none of it is the channel.
        var component = PythonComponent.Create("Chatty", [("x", "INT", null)], [("y", "INT")],
            """
            print("chatty got", x)
            print("a warning on stderr", file=sys.stderr)
            logging.getLogger("chatty").warning("logged %s", x)
            print('{"op": "result", "outputs": {"y": {"k": "int", "v": -1}}}')
            sys.stdout.write("x" * 1_000_000 + "\n")
            return {"y": x + 1}
            """, imports: "import logging\nimport sys");
        var log = new LogLines();
        await using var pool = new PythonWorkerPool(Support.Python.Options(workers: 1), log);
        pool.Start();
        var engine = new Core.Engine.ExecutionEngine(Jobs.Store(component), new Core.Components.Runners.ComponentRunners(
            Core.Components.ComponentRegistry.Builtin, pool), Core.Adapters.AdapterRegistry.Empty);

        var first = Jobs.Outputs(await Jobs.AnswerAsync(engine, PythonComponent.Id(component), ("x", "41")));
        var second = Jobs.Outputs(await Jobs.AnswerAsync(engine, PythonComponent.Id(component), ("x", "1")));

        Assert.Equal(42, first["y"]!.GetValue<long>());
        Assert.Equal(2, second["y"]!.GetValue<long>());
        await log.WaitForAsync("chatty got 41");
        await log.WaitForAsync("a warning on stderr");
        await log.WaitForAsync("logged 41");
        await log.WaitForAsync("chatty got 1");
    }

    private Task<JsonObject> RunAsync(JsonObject component, params (string Input, string Value)[] inputs) =>
        Jobs.AnswerAsync(python.Engine(Jobs.Store(component)), PythonComponent.Id(component), inputs);
}
