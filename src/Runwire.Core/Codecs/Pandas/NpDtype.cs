namespace Runwire.Core.Codecs.Pandas;

/// <summary>The numpy dtype pandas infers when it builds a Series or column from Python objects.</summary>
internal enum NpDtype
{
    Int64,
    Float64,
    Bool,
    Object,
}
