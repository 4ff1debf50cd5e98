namespace Runwire.Core.Components.Runners;

/// <summary>Where a component's code runs.</summary>
public enum ComponentRunner
{
    /// <summary>A C# class bound to the component's id (the fast path, no Python needed).</summary>
    CSharp,

    /// <summary>hetida's Python code, unchanged, in a sandboxed worker process.</summary>
    Python,
}
