using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Inequality": <c>left != right</c>, falling back to <c>left.ne(right)</c> for differently labelled pandas objects.</summary>
public sealed class Inequality : IComponent
{
    public Guid Id { get; } = new("4ec3ef23-6bea-872d-1905-c9c6d06dddef");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => ComparisonFallback.Run(CompareOp.Ne, inputs);
}
