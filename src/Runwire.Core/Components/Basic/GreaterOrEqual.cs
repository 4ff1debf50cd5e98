using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Greater or equal": <c>left &gt;= right</c>, falling back to <c>left.ge(right)</c> for differently labelled pandas objects.</summary>
public sealed class GreaterOrEqual : IComponent
{
    public Guid Id { get; } = new("f759e4c0-1468-0f2e-9740-41302b860193");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => ComparisonFallback.Run(CompareOp.Ge, inputs);
}
