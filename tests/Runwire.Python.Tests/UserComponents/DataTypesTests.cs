using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.UserComponents;

/// <summary>
/// A user's own components receive every hetida data type the way hetida passes it and their outputs come back encoded
/// by hetida's rules (spec §3.2, §3.3). The expected JSON is what hetida v0.9.8 answers for the same export and wiring
/// (worked out from its encoding rules, and confirmed by running the exports through hetida's own backend with
/// tools/runtime-components/hetida_runtime.py).
/// </summary>
public sealed class DataTypesTests(Support.Python python)
{
    [Fact]
    public async Task ScalarsAndAny_InAndOut_ArriveAsPythonScalarsAndComeBackExactly()
    {
        var component = PythonComponent.Create("Scalar Kit",
            [("count", "INT", null), ("ratio", "FLOAT", null), ("label", "STRING", null), ("flag", "BOOLEAN", null), ("anything", "ANY", null)],
            [("count_doubled", "INT"), ("ratio_halved", "FLOAT"), ("label_upper", "STRING"), ("flag_negated", "BOOLEAN"),
             ("anything_back", "ANY"), ("python_types", "ANY")],
            """
            return {
                "count_doubled": count * 2,
                "ratio_halved": ratio / 2,
                "label_upper": label.upper(),
                "flag_negated": not flag,
                "anything_back": {"received": anything, "keys": sorted(anything)},
                "python_types": [type(value).__name__ for value in (count, ratio, label, flag, anything)],
            }
            """);

        var outputs = await RunAsync(component,
            ("count", "9007199254740993"), ("ratio", "1e3"), ("label", "grüße, 世界"), ("flag", "yes"), ("anything", """{"b": [1, 2.5, null], "a": "x"}"""));

        // 2^53 + 1 doubled: exact only if the integer never became a double on the way.
        Assert.Equal("18014398509481986", outputs["count_doubled"]!.ToJsonString());
        Assert.Equal("500.0", outputs["ratio_halved"]!.ToJsonString());
        JsonAssert.Equivalent(JsonNode.Parse("""
            {"count_doubled": 18014398509481986, "ratio_halved": 500.0, "label_upper": "GRÜSSE, 世界", "flag_negated": false,
             "anything_back": {"received": {"b": [1, 2.5, null], "a": "x"}, "keys": ["a", "b"]},
             "python_types": ["int", "float", "str", "bool", "dict"]}
            """), outputs, 0);
    }

    [Fact]
    public async Task Series_WithDatetimeIndexNaNAndMetadata_ArrivesAsPandasSeriesAndComesBackInSplitFormat()
    {
        var component = PythonComponent.Create("Series Kit", [("series", "SERIES", null)], [("filled", "SERIES"), ("thirds", "SERIES"), ("info", "ANY")],
            """
            filled = series.fillna(series.mean()).rename("filled")
            filled.attrs = {"unit": "°C", "filled_from": series.attrs}
            return {
                "filled": filled,
                "thirds": series / 3,
                "info": {
                    "index_dtype": str(series.index.dtype),
                    "nan_count": int(series.isna().sum()),
                    "name": series.name,
                    "attrs": series.attrs,
                    "first": series.index[0],
                },
            }
            """);

        var outputs = await RunAsync(component, ("series", """
            {"__hd_wrapped_data_object__": "SERIES", "__metadata__": {"sensor": "t1"},
             "__data__": {"2020-01-01T00:00:00.000Z": 1.5, "2020-01-01T01:00:00.000Z": null, "2020-01-01T02:00:00.000Z": 4.0}}
            """));

        // Inside __data__ pandas writes milliseconds and rounds floats to 10 decimals; NaN becomes null.
        JsonAssert.Equivalent(JsonNode.Parse("""
            {"filled": {"__hd_wrapped_data_object__": "SERIES", "__metadata__": {"unit": "°C", "filled_from": {"sensor": "t1"}},
                        "__data__": {"name": "filled", "index": ["2020-01-01T00:00:00.000Z", "2020-01-01T01:00:00.000Z", "2020-01-01T02:00:00.000Z"],
                                     "data": [1.5, 2.75, 4.0]},
                        "__data_parsing_options__": {"orient": "split"}},
             "thirds": {"__hd_wrapped_data_object__": "SERIES", "__metadata__": {"sensor": "t1"},
                        "__data__": {"name": null, "index": ["2020-01-01T00:00:00.000Z", "2020-01-01T01:00:00.000Z", "2020-01-01T02:00:00.000Z"],
                                     "data": [0.5, null, 1.3333333333]},
                        "__data_parsing_options__": {"orient": "split"}},
             "info": {"index_dtype": "datetime64[ns, UTC]", "nan_count": 1, "name": null, "attrs": {"sensor": "t1"}, "first": "2020-01-01T00:00:00+00:00"}}
            """), outputs, 0);
    }

    [Fact]
    public async Task DataFrame_WithMixedColumns_KeepsEachColumnsTypeBothWays()
    {
        var component = PythonComponent.Create("Frame Kit", [("frame", "DATAFRAME", null)], [("result", "DATAFRAME"), ("dtypes", "ANY")],
            """
            result = frame.assign(
                product=frame["count"] * frame["level"],
                day=pd.date_range("2021-03-01", periods=len(frame), freq="D", tz="UTC"),
                local=pd.date_range("2021-03-01 12:00", periods=len(frame), freq="H"),
            )
            result.attrs = {"source": "user"}
            return {"result": result, "dtypes": {name: str(dtype) for name, dtype in frame.dtypes.items()}}
            """, imports: "import pandas as pd");

        var outputs = await RunAsync(component,
            ("frame", """{"count": [1, 2, 3], "label": ["x", null, "z"], "level": [1.5, null, 2.5], "ok": [true, false, true]}"""));

        // DATAFRAME: columns orient with the index labels as keys, no __data_parsing_options__; UTC datetimes end in Z, naive ones do not.
        JsonAssert.Equivalent(JsonNode.Parse("""
            {"result": {"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {"source": "user"},
                        "__data__": {"count": {"0": 1, "1": 2, "2": 3}, "label": {"0": "x", "1": null, "2": "z"},
                                     "level": {"0": 1.5, "1": null, "2": 2.5}, "ok": {"0": true, "1": false, "2": true},
                                     "product": {"0": 1.5, "1": null, "2": 7.5},
                                     "day": {"0": "2021-03-01T00:00:00.000Z", "1": "2021-03-02T00:00:00.000Z", "2": "2021-03-03T00:00:00.000Z"},
                                     "local": {"0": "2021-03-01T12:00:00.000", "1": "2021-03-01T13:00:00.000", "2": "2021-03-01T14:00:00.000"}}},
             "dtypes": {"count": "int64", "label": "object", "level": "float64", "ok": "bool"}}
            """), outputs, 0);
        Assert.Equal("1", outputs["result"]!["__data__"]!["count"]!["0"]!.ToJsonString());
    }

    [Fact]
    public async Task MultiTsFrame_Unsorted_ArrivesSortedByTimestampWithItsRowLabelsAndComesBackAsDataFrame()
    {
        var component = PythonComponent.Create("MultiTSFrame Kit", [("frame", "MULTITSFRAME", null)], [("scaled", "MULTITSFRAME"), ("info", "ANY")],
            """
            return {
                "scaled": frame.assign(value=frame["value"] * 10),
                "info": {
                    "index": [int(label) for label in frame.index],
                    "timestamp": str(frame["timestamp"].dtype),
                    "metric": str(frame["metric"].dtype),
                },
            }
            """);

        var outputs = await RunAsync(component, ("frame", """
            {"timestamp": ["2023-01-01T00:02:00Z", "2023-01-01T00:00:00Z", "2023-01-01T00:01:00Z"], "metric": ["a", "b", "a"], "value": [1.0, 2.0, null]}
            """));

        JsonAssert.Equivalent(JsonNode.Parse("""
            {"scaled": {"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {},
                        "__data__": {"timestamp": {"1": "2023-01-01T00:00:00.000Z", "2": "2023-01-01T00:01:00.000Z", "0": "2023-01-01T00:02:00.000Z"},
                                     "metric": {"1": "b", "2": "a", "0": "a"}, "value": {"1": 20.0, "2": null, "0": 10.0}}},
             "info": {"index": [1, 2, 0], "timestamp": "datetime64[ns, UTC]", "metric": "string"}}
            """), outputs, 0);
        // The sorted row order is the order of the keys, as pandas writes them.
        Assert.Equal(["1", "2", "0"], outputs["scaled"]!["__data__"]!["timestamp"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public async Task PlotlyFigure_AsDictOrFigure_ComesBackAsPlotlyJson()
    {
        var component = PythonComponent.Create("Plot Kit", [("series", "SERIES", null)], [("plot", "PLOTLYJSON"), ("figure", "PLOTLYJSON")],
            """
            fig = go.Figure(go.Scatter(x=series.index, y=series.values, mode="lines+markers", name="temperature"))
            fig.update_layout(title="Temperature", yaxis_title="°C")
            return {"plot": plotly_fig_to_json_dict(fig), "figure": fig}
            """, imports: "import plotly.graph_objects as go\nfrom hdutils import plotly_fig_to_json_dict");

        var outputs = await RunAsync(component, ("series", """{"2020-01-01T00:00:00.000Z": 1.5, "2020-01-01T01:00:00.000Z": null, "2020-01-01T02:00:00.000Z": 4.0}"""));

        // Not the layout's template: it is plotly's process-wide default, which hetida's own plot components set to None
        // when their module loads (in hetida's runtime as in a worker that ran one of them before).
        var plot = outputs["plot"]!.AsObject();
        JsonAssert.Equivalent(JsonNode.Parse("""
            [{"mode": "lines+markers", "name": "temperature", "type": "scatter",
              "x": ["2020-01-01T00:00:00+00:00", "2020-01-01T01:00:00+00:00", "2020-01-01T02:00:00+00:00"], "y": [1.5, null, 4.0]}]
            """), plot["data"], 0, "data");
        Assert.Equal("Temperature", plot["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("°C", plot["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>());
        JsonAssert.Equivalent(plot, outputs["figure"], 0, "figure");
    }

    private async Task<JsonObject> RunAsync(JsonObject component, params (string Input, string Value)[] inputs) =>
        Jobs.Outputs(await Jobs.AnswerAsync(python.Engine(Jobs.Store(component)), PythonComponent.Id(component), inputs));
}
