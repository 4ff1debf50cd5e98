using Runwire.Core.Contracts;

namespace Runwire.Core.Tests.Contracts;

public sealed class GoldenCaseDecodeTests
{
    public static TheoryData<string> Cases => [.. HetidaCases.Names];

    [Fact]
    public void Folder_HetidaCases_HasAll31()
    {
        Assert.Equal(31, HetidaCases.Names.Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_GoldenRequest_GivesTheRequestedTrafoAndJobId(string name)
    {
        var golden = HetidaCases.Load(name);
        var request = golden["request"]!.AsObject();

        var job = JobDecoder.Decode(HetidaCases.RequestBytes(name));

        Assert.Equal(JobFormat.ExecById, job.Format);
        Assert.Equal(Guid.Parse(request["id"]!.GetValue<string>()), job.TransformationId);
        Assert.Equal(Guid.Parse(request["job_id"]!.GetValue<string>()), job.JobId);
        if (golden["expected"]!["job_id"] is { } echoed)
        {
            Assert.Equal(Guid.Parse(echoed.GetValue<string>()), job.JobId);
        }
        Assert.True(job.JobIdGiven);
        Assert.Equal(request["run_pure_plot_operators"]?.GetValue<bool>() ?? false, job.RunPurePlotOperators);
        var wiring = request["wiring"]?.AsObject();
        Assert.Equal(wiring is null, job.Wiring is null);
        if (wiring is not null)
        {
            var inputs = wiring["input_wirings"]!.AsArray();
            Assert.Equal(inputs.Select(i => i!["workflow_input_name"]!.GetValue<string>()), job.Wiring!.InputWirings.Select(i => i.WorkflowInputName));
            Assert.Equal(
                inputs.Select(i => i!["filters"]?["value"]?.GetValue<string>()),
                job.Wiring.InputWirings.Select(i => i.Filters.GetValueOrDefault("value")));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecodeExecById_GoldenRequest_AgreesWithDecode(string name)
    {
        var bytes = HetidaCases.RequestBytes(name);

        Assert.Equal(JobDecoder.Decode(bytes).JobId, JobDecoder.DecodeExecById(bytes).JobId);
    }

    [Fact]
    public void Decode_ImplicitTestWiringCase_LeavesWiringNullForTheStoredTestWiring()
    {
        var job = JobDecoder.Decode(HetidaCases.RequestBytes("rul-test-wiring-implicit-plots-off"));

        Assert.Null(job.Wiring);
    }
}
