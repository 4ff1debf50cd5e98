namespace Runwire.Core.Transformations;

/// <summary>What <see cref="TransformationStore.ImportDirectory"/> imported from a folder, and the files it could not import.</summary>
public sealed record ImportReport(string Directory, int Components, int Workflows, IReadOnlyList<TransformationImportException> Failures)
{
    public int Imported => Components + Workflows;

    /// <summary>"Imported N transformations from DIR (M components, K workflows)".</summary>
    public string Summary => $"Imported {Imported} transformations from {Directory} ({Components} components, {Workflows} workflows)";

    /// <summary>For folders that must import whole (Runwire's own): the first failure, thrown.</summary>
    public ImportReport ThrowIfAnyFailed() => Failures.Count > 0 ? throw Failures[0] : this;
}
