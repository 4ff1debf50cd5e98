using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Smaller or equal": <c>left &lt;= right</c>, falling back to <c>left.le(right)</c> for differently labelled pandas objects.</summary>
public sealed class SmallerOrEqual : IComponent
{
    public Guid Id { get; } = new("8a7e43b9-ce04-796e-6b73-5ce67547122a");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => ComparisonFallback.Run(CompareOp.Le, inputs);
}
