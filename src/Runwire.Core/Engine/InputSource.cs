namespace Runwire.Core.Engine;

/// <summary>Where one component input gets its value from, resolved once per execution plan.</summary>
internal abstract record InputSource
{
    /// <summary>An output of another component node.</summary>
    public sealed record FromNode(int Node, string Output) : InputSource;

    /// <summary>A value fixed by the workflow: a parsed constant or default.</summary>
    public sealed record Fixed(object? Value) : InputSource;

    /// <summary>A root workflow input, loaded from an adapter at run time (or its default when not wired).</summary>
    public sealed record RootInput(string Name) : InputSource;

    /// <summary>An output of a plot-only operator that was not run: hetida yields an empty dict.</summary>
    public sealed record SkippedPlot : InputSource;

    /// <summary>No source; a required input fails with MissingInputSource, an optional one is left out.</summary>
    public sealed record Missing : InputSource;
}
