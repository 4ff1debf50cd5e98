using Runwire.Core.Components;

namespace Runwire.Core.Tests.Components.Examples;

/// <summary>The registry knows every component of the categories this part of Runwire covers.</summary>
public sealed class CatalogCoverageTests
{
    public static TheoryData<string> Unsupported =>
    [
        "b871f417-a28a-420a-8a5f-752a31d613db", "81142909-2bd5-43ea-ba35-de5068a5f8d8", "fd0464cb-4691-4ce1-bb2b-9efbcc7626f4",
        "47880b66-dbad-4c89-98c9-d39dd13163dd", "0c4f85b7-1cf1-48be-8cfb-19f228c1f88e", "66fad534-24b0-4188-a4ad-62429497d8f1",
        "5576783d-421e-475b-bec8-5f2e6535c244", "cdec1d55-5bb6-8e8d-4571-fbc0ebf5a354",
    ];

    public static TheoryData<string> Implemented =>
    [
        // connectors (besides the pass-throughs)
        "25cc7f0f-95a9-4fe0-9a37-36589ea2851e", "5372a8bb-717f-4183-a89b-94b0c8d8693a", "dbce1015-833e-4b23-bf72-05beb28d5b90",
        "635d23be-39b5-4665-ac1e-c8e4a001d06d", "6c956baa-7fd2-4465-b87d-adbe4069d072", "0d08af64-3f34-cddc-354b-d6a26c3f1aab",
        "68f91351-a1f5-9959-414a-2c72003f3226", "e23f9251-3084-4e55-8b7b-9de4914b1eca", "ed88477a-72f5-475b-b3e6-9b0e030609b6",
        "2f8c3864-8d45-5d68-c73f-229ef43bf944", "152bc7df-708c-2ecb-1d5d-b69483fdd275", "816436b2-f303-48af-857c-6c4d7c7a0f4b",
        "f711106f-3ee1-46a6-a70b-ba12d92fe5be", "9b160d5b-f821-4b7a-b314-b2c94e54c983", "d1fb4ae5-ef27-26b8-7a58-40b7cd8412e7",
        "a573c94f-3039-1193-b068-bc496620c6ed", "a4064897-66d3-9601-328e-5ae9036665c5", "d71a0cef-1d56-818f-a1a5-dd6bb6d50399",
        // anomaly detection, filters, remaining useful life, statistic, data quality
        "38f168ef-cb06-d89c-79b3-0cd823f32e9d", "0c3c74d0-89b6-1948-fedd-753eaa47ca0e", "bf698fbb-1e2e-47ca-a4f8-72b06b011985",
        "504a01aa-12a2-472b-995c-0676af66b07c", "994e8607-5eaa-43b1-b057-73d8d14e90dd", "8d61a267-3a71-51cd-2817-48c320469d6b",
        "4615ec0d-99bd-40ba-a88b-643dd28fa6e7", "e4682ac2-9a53-4fac-a4ea-e766666ee27e", "dc30af71-2872-4fe0-8a09-20d9300871ba",
        "82024fd1-b1a0-409d-a337-1db4330aa268", "47c145cb-acce-442e-9f57-31446172a49a", "3cf8e12d-2fea-40d9-bc4b-015bddf66828",
    ];

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Builtin_ModelOrObjectComponent_IsUnsupportedWithReason(string id)
    {
        var component = Assert.IsType<UnsupportedComponent>(ComponentRegistry.Builtin.Find(Guid.Parse(id)));

        Assert.False(string.IsNullOrWhiteSpace(component.Reason));
    }

    [Theory]
    [MemberData(nameof(Implemented))]
    public void Builtin_DataComponent_IsImplemented(string id)
    {
        var component = ComponentRegistry.Builtin.Find(Guid.Parse(id));

        Assert.NotNull(component);
        Assert.IsNotType<UnsupportedComponent>(component);
    }

    [Fact]
    public void IsolationForest_Reason_NamesScikitLearnModel()
    {
        var forest = (UnsupportedComponent)ComponentRegistry.Builtin.Find(Guid.Parse("cdec1d55-5bb6-8e8d-4571-fbc0ebf5a354"))!;

        Assert.Equal("needs a scikit-learn model", forest.Reason);
    }
}
