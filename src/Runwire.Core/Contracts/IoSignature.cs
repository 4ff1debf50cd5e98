using Runwire.Core.Data;

namespace Runwire.Core.Contracts;

/// <summary>
/// A wirable (non-constant) input of the transformation to run; <see cref="Required"/> is false for inputs with a
/// default value (hetida's OPTIONAL). Constant inputs are not wirable and must not be passed.
/// </summary>
public sealed record IoInput(string Name, DataType Type, bool Required);

/// <summary>An output of the transformation to run.</summary>
public sealed record IoOutput(string Name, DataType Type);
