namespace Runwire.Core.Transformations.PyModules;

/// <summary>The token kinds the module scanner needs; keywords are names, as in Python's own tokenizer.</summary>
internal enum PyTokenKind
{
    Name,
    Number,
    String,
    Op,
    Newline,
    End,
}
