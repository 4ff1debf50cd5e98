using System.Security.Cryptography;
using System.Text;
using Runwire.Core.Data;
using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;

namespace Runwire.Core.Tests.Transformations.PyModules;

/// <summary>hetida's own runtime/transformations folder (JSON exports and .py modules) imported as it is.</summary>
public sealed class HetidaRuntimeImportTests
{
    private static readonly Lazy<(TransformationStore Store, ImportReport Report)> Imported = new(() =>
    {
        var store = new TransformationStore();
        return (store, store.ImportDirectory(SharedPaths.HetidaRuntimeTransformations));
    });

    private static TransformationStore Store => Imported.Value.Store;

    [Fact]
    public void ImportDirectory_HetidaRuntimeFolder_Imports183RevisionsWithoutError()
    {
        var report = Imported.Value.Report;

        Assert.Empty(report.Failures);
        Assert.Equal((165, 18), (report.Components, report.Workflows));
        Assert.Equal(183, Store.Count);
    }

    [Fact]
    public void ImportDirectory_HetidaRuntimeFolder_EveryOperatorResolvesWithTheSameIoIds()
    {
        var workflows = Store.All.Where(t => t.Type == TransformationType.Workflow).ToList();

        Assert.Equal(18, workflows.Count);
        foreach (var op in workflows.SelectMany(w => w.Workflow!.Operators))
        {
            var target = Store.Find(op.TransformationId);
            Assert.True(target is not null, $"operator {op.Name} refers to {op.TransformationId}, which was not imported");
            Assert.Equal(target.Inputs.Select(i => i.Id).Order(), op.Inputs.Select(i => i.Id).Order());
            Assert.Equal(target.Outputs.Select(o => o.Id).Order(), op.Outputs.Select(o => o.Id).Order());
        }
    }

    // hetida's README §1: the .py-only components the example workflows and category Basic need.
    // Inputs and outputs are "name TYPE" or, for an OPTIONAL input, "name TYPE=stored value", separated by "; ".
    [Theory]
    [InlineData("3de190af-3103-4462-b5ba-2f431494abe8", "Series Difference Quotients", "1.0.0", "Basic", "series SERIES; dropna BOOLEAN=true", "difference_quotients SERIES")]
    [InlineData("82024fd1-b1a0-409d-a337-1db4330aa268", "Fixed Replacement Value", "1.0.0", "Data Quality", "gap_timestamps SERIES; replacement_value FLOAT", "replacement_value_series SERIES")]
    [InlineData("47c145cb-acce-442e-9f57-31446172a49a", "Interpolate Timeseries", "0.1.4", "Data Quality", "timeseries SERIES; filter_series SERIES; interpolation_params ANY={\"method\": \"time\"}", "interpolated_timeseries SERIES; new_values SERIES")]
    [InlineData("3cf8e12d-2fea-40d9-bc4b-015bddf66828", "Value Range Check", "1.0.0", "Data Quality", "timeseries_data SERIES; value_range_dict ANY", "is_included_frame DATAFRAME")]
    [InlineData("504a01aa-12a2-472b-995c-0676af66b07c", "Correct Time Intervals With Fixed Values", "1.0.0", "Filters", "series SERIES; list_of_time_intervals ANY", "corrected SERIES")]
    [InlineData("994e8607-5eaa-43b1-b057-73d8d14e90dd", "Select Time Intervals", "1.0.0", "Filters", "series SERIES; list_of_time_intervals ANY", "filter_series SERIES")]
    [InlineData("a11c5089-de92-4197-8e40-1ce827e094b8", "Display Table", "1.0.1", "Visualization", "data DATAFRAME; auto_col_width BOOLEAN=true", "table PLOTLYJSON")]
    [InlineData("9b4ca94e-0e20-4341-bb23-abe73d33c7ab", "Plot Time Series and Value Intervals", "1.0.0", "Visualization",
        "series SERIES; value_interval_dict ANY; line_color STRING=rgb(40, 251, 0); fill_color STRING=rgba(40, 251, 0, 0.15)", "series_with_intervals PLOTLYJSON")]
    public void PyComponent_FromHetidaFolder_MatchesTheReferenceTable(string id, string name, string tag, string category, string inputs, string outputs)
    {
        var revision = Store.Find(Guid.Parse(id));

        Assert.NotNull(revision);
        Assert.Equal((name, tag, category), (revision.Name, revision.VersionTag, revision.Category));
        Assert.Equal((TransformationType.Component, TransformationState.Released), (revision.Type, revision.State));
        Assert.Equal(inputs, string.Join("; ", revision.Inputs.Select(i => $"{i.Name} {i.DataType.ToJson()}" + (i.Required ? "" : $"={i.Default?.GetValue<string>()}"))));
        Assert.Equal(outputs, string.Join("; ", revision.Outputs.Select(o => $"{o.Name} {o.DataType.ToJson()}")));
    }

    // Expected values from hetida's get_uuid_from_seed (random.seed(text); UUID(int=random.getrandbits(128))) run once in CPython 3.11.
    [Theory]
    [InlineData("3de190af-3103-4462-b5ba-2f431494abe8", "series", "31a7c0a2-8d35-6c57-d742-f0a8092d0c87")]
    [InlineData("3de190af-3103-4462-b5ba-2f431494abe8", "dropna", "861b0d96-dd41-cad6-3148-e2df8c5194a4")]
    [InlineData("47c145cb-acce-442e-9f57-31446172a49a", "timeseries", "32c68103-28a2-b3e4-2010-376ff57f0be0")]
    [InlineData("47c145cb-acce-442e-9f57-31446172a49a", "interpolation_params", "50308eef-718d-f477-e8e4-01fe00cdda08")]
    [InlineData("9b4ca94e-0e20-4341-bb23-abe73d33c7ab", "line_color", "fc50a7be-a6f3-281a-1373-2e7ba3249dec")]
    [InlineData("a11c5089-de92-4197-8e40-1ce827e094b8", "auto_col_width", "e2586ce7-9d4b-de8a-d68f-00031bc351b4")]
    public void PyComponent_InputIds_AreHetidasSeededUuids(string id, string input, string expected) =>
        Assert.Equal(Guid.Parse(expected), Store.Find(Guid.Parse(id))!.Inputs.Single(i => i.Name == input).Id);

    [Theory]
    [InlineData("3de190af-3103-4462-b5ba-2f431494abe8", "difference_quotients", "d5b1c017-3ddc-0aed-92b5-c367d86241b0")]
    [InlineData("47c145cb-acce-442e-9f57-31446172a49a", "new_values", "7a3e80ea-803c-60f2-0429-46a0fe284b08")]
    [InlineData("a11c5089-de92-4197-8e40-1ce827e094b8", "table", "682fea3d-eff2-d055-8c28-30a37b5383f1")]
    public void PyComponent_OutputIds_AreHetidasSeededUuids(string id, string output, string expected) =>
        Assert.Equal(Guid.Parse(expected), Store.Find(Guid.Parse(id))!.Outputs.Single(o => o.Name == output).Id);

    // SHA-256 prefixes of the documentation hetida derives (cleaned module docstring from its third line), from CPython 3.11.
    [Theory]
    [MemberData(nameof(Documentation))]
    public void PyComponent_ContentAndDocumentation_AreTheFileAndItsDocstring(string path, string documentationSha)
    {
        var file = Path.Combine(SharedPaths.HetidaRuntimeTransformations, path);
        var id = Guid.Parse(Path.GetFileNameWithoutExtension(file)[^36..]);
        var source = Store.Find(id)!.Source;

        Assert.Equal(File.ReadAllText(file), source["content"]!.GetValue<string>());
        var documentation = source["documentation"]!.GetValue<string>();
        Assert.Equal(documentationSha, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentation)))[..16]);
    }

    public static TheoryData<string, string> Documentation => new()
    {
        { "components/basic/series_difference_quotients_100_3de190af-3103-4462-b5ba-2f431494abe8.py", "bd0549aa4d641e05" },
        { "components/data-quality/fixed-replacement-value_100_82024fd1-b1a0-409d-a337-1db4330aa268.py", "578d06ebf82d1867" },
        { "components/data-quality/gap_detection_intervals_100_cd2a8b7f-a1af-4630-89a5-738af595472a.py", "4e4b2171ce3f54c5" },
        { "components/data-quality/interpolate_timeseries_014_47c145cb-acce-442e-9f57-31446172a49a.py", "613a03333896472f" },
        { "components/data-quality/replacement_locations_for_gaps_100_ccf45f3a-8cbe-4269-8f3c-5d56d80db29a.py", "c8e338b6b5d52970" },
        { "components/data-quality/value-range-check_100_3cf8e12d-2fea-40d9-bc4b-015bddf66828.py", "90a5b66afc62f492" },
        { "components/filters/correct-time-intervals-with-fixed-values_100_504a01aa-12a2-472b-995c-0676af66b07c.py", "82304c066b07ffdd" },
        { "components/filters/eval_expression_on_dataframe_100_4d9fc046-b35d-4c3a-b326-7a631f3e708f.py", "86b13c066c969e22" },
        { "components/filters/eval_expression_on_series_100_f70f53c2-645e-4bfa-91e1-a3ecbd56465a.py", "da5925e626c5dd48" },
        { "components/filters/select-time-intervals_100_994e8607-5eaa-43b1-b057-73d8d14e90dd.py", "56426f619c514251" },
        { "components/test/cpu-bound_100_6cdc2d34-69e0-408a-bae9-b156391d9b9d.py", "d001ba9e36dc1e68" },
        { "components/test/timeseries-summary_100_5fa2c117-8777-46ae-9fd9-b4683bc073cf.py", "a26343e0c39ceba3" },
        { "components/time-length-operations/add-timedelta-to-index_100_c587ced1-7841-4208-8f88-9a9bd6a28f20.py", "1ae57086c72c4091" },
        { "components/time-length-operations/merge-timeseries-deduplicating-timestamps_100_b1dba357-b6d5-43cd-ac3e-7b6cd829be37.py", "5f5520aa35cb3771" },
        { "components/visualization/display_table_100_e0320729-10df-8979-4444-feb6fe7adc82.py", "74486ad28cc37513" },
        { "components/visualization/display_table_101_a11c5089-de92-4197-8e40-1ce827e094b8.py", "35d8454bc6c24bd9" },
        { "components/visualization/plot-time-series-and-value-intervals_100_9b4ca94e-0e20-4341-bb23-abe73d33c7ab.py", "bdc408f12864478d" },
    };

    [Fact]
    public void PyComponent_TestWiring_ComesFromTestWiringFromPyFileImport()
    {
        var wiring = Store.Find(Guid.Parse("9b4ca94e-0e20-4341-bb23-abe73d33c7ab"))!.TestWiring!;

        var inputs = wiring["input_wirings"]!.AsArray();
        Assert.Equal(["series", "value_interval_dict"], inputs.Select(w => w!["workflow_input_name"]!.GetValue<string>()));
        Assert.Equal("direct_provisioning", inputs[0]!["adapter_id"]!.GetValue<string>());
        Assert.Equal(
            "{\n    \"2020-01-01T01:15:27.000Z\": 42.0,\n    \"2020-01-01T16:20:00.000Z\": 16.1,\n    \"2020-01-02T08:20:00.000Z\": 27.0,\n"
            + "    \"2020-01-02T16:20:00.000Z\": 2.6,\n    \"2020-01-03T08:20:04.000Z\": 25.9\n}",
            inputs[0]!["filters"]!["value"]!.GetValue<string>());
        Assert.Empty(wiring["output_wirings"]!.AsArray());
        Assert.True(Store.Find(Guid.Parse("a11c5089-de92-4197-8e40-1ce827e094b8"))!.TestWiring!["input_wirings"]![1]!["use_default_value"]!.GetValue<bool>());
    }

    [Fact]
    public void PyComponent_Disabled_KeepsBothTimestamps()
    {
        var revision = Store.Find(Guid.Parse("e0320729-10df-8979-4444-feb6fe7adc82"))!;

        Assert.Equal(TransformationState.Disabled, revision.State);
        Assert.Equal("2022-02-09T17:33:30.368991+00:00", revision.Source["released_timestamp"]!.GetValue<string>());
        Assert.Equal("2024-02-27T11:56:33.768617+00:00", revision.Source["disabled_timestamp"]!.GetValue<string>());
    }
}
