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
    ];
}
