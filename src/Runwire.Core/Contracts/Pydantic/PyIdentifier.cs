using System.Globalization;
using System.Text;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>
/// <c>name.isidentifier() and not keyword.iskeyword(name)</c>, hetida's rule for workflow input/output names.
/// XID_Start/XID_Continue are approximated by Unicode categories plus the Other_ID_* code points.
/// </summary>
internal static class PyIdentifier
{
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    private static readonly HashSet<int> OtherIdStart = [0x1885, 0x1886, 0x2118, 0x212E, 0x309B, 0x309C];

    private static readonly HashSet<int> OtherIdContinue =
        [0x00B7, 0x0387, 0x1369, 0x136A, 0x136B, 0x136C, 0x136D, 0x136E, 0x136F, 0x1370, 0x1371, 0x19DA];

    public static bool IsValid(string name) => IsIdentifier(name) && !Keywords.Contains(name);

    private static bool IsIdentifier(string name)
    {
        var first = true;
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogate(name[i]) && !char.IsSurrogatePair(name, i))
            {
                return false; // a lone surrogate is never part of an identifier
            }
            var rune = Rune.GetRuneAt(name, i);
            if (rune.Utf16SequenceLength == 2)
            {
                i++;
            }
            if (!(first ? IsStart(rune) : IsContinue(rune)))
            {
                return false;
            }
            first = false;
        }
        return !first;
    }

    private static bool IsStart(Rune r) =>
        r.Value == '_' || OtherIdStart.Contains(r.Value) || Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsContinue(Rune r) =>
        IsStart(r) || OtherIdContinue.Contains(r.Value) || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
}
