using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Greater": <c>left &gt; right</c>, falling back to <c>left.gt(right)</c> for differently labelled pandas objects.</summary>
public sealed class Greater : IComponent
{
    public Guid Id { get; } = new("e6918e9e-aaaf-6f84-175a-fc2ac03ed85d");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => ComparisonFallback.Run(CompareOp.Gt, inputs);
}
