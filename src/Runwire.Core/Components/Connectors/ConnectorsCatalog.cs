namespace Runwire.Core.Components.Connectors;

/// <summary>Components of hetida's category "Connectors".</summary>
public static class ConnectorsCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new PassThrough(new Guid("1946d5f8-44a8-724c-176f-16f3e49963af")),
        new PassThrough(new Guid("8ea34104-2dd1-b4dc-8fd4-ed07bb967060")),
        new PassThrough(new Guid("7a1a818f-fa89-6062-1e0e-fc80539bbe0a")),
        new PassThrough(new Guid("2f511674-f766-748d-2de3-ad5e62e10a1a")),
        new PassThrough(new Guid("57eea09f-d28e-89af-4e81-2027697a3f0f")),
        new PassThrough(new Guid("78ee6b00-9239-4214-b9bf-a093647f33f5")),
        new PassThrough(new Guid("bfa27afc-dea8-b8aa-4b15-94402f0739b6")),
        new PassThrough(new Guid("2b1b474f-ddf5-1f4d-fec4-17ef9122112b")),
        new AddTimeseriesToMultiTsFrame(),
        new AddUpdateAttributes(new Guid("5372a8bb-717f-4183-a89b-94b0c8d8693a"), "dataframe"),
        new AddUpdateAttributes(new Guid("dbce1015-833e-4b23-bf72-05beb28d5b90"), "multitsframe"),
        new AddUpdateAttributes(new Guid("635d23be-39b5-4665-ac1e-c8e4a001d06d"), "series"),
        new AddUpdateValueInDictionary(),
        new CombineAsNamedColumn(),
        new CombineIntoDataFrame(),
        new ConvertDataFrameToMultiTsFrame(),
        new ConvertMultiTsFrameToDataFrame(),
        new ConvertSeriesToDataFrame(),
        new DataFrameToSeries(),
        new ExtractAttributes(new Guid("816436b2-f303-48af-857c-6c4d7c7a0f4b"), "dataframe"),
        new ExtractAttributes(new Guid("f711106f-3ee1-46a6-a70b-ba12d92fe5be"), "multitsframe"),
        new ExtractAttributes(new Guid("9b160d5b-f821-4b7a-b314-b2c94e54c983"), "series"),
        new Forget(),
        new MergeDataFramesOnSingleColumn(),
        new NameSeries(),
        new TimeseriesDataFrame(),
        new UnsupportedComponent(
            new Guid("5576783d-421e-475b-bec8-5f2e6535c244"),
            "Wrap Keras Model with Custom Classes",
            "it wraps a Keras model object with Python classes, which Runwire cannot hold"),
    ];
}
