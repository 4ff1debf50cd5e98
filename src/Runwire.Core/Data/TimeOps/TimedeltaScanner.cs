using System.Globalization;
using System.Text;

namespace Runwire.Core.Data.TimeOps;

/// <summary>The character-by-character state machine of pandas' <c>parse_timedelta_string</c>.</summary>
internal sealed class TimedeltaScanner(string text)
{
    private const long Second = 1_000_000_000;

    private readonly StringBuilder _number = new();
    private readonly StringBuilder _fraction = new();
    private readonly StringBuilder _unit = new();
    private bool _negative;
    private bool _haveDot;
    private bool _haveValue;
    private bool _haveHhmmss;
    private char? _currentUnit;
    private long _result;

    public long Scan()
    {
        foreach (var c in text)
        {
            Step(c);
        }
        return Finish();
    }

    private void Step(char c)
    {
        if (c is ' ' or ',' or '+')
        {
            return;
        }
        if (c == '-')
        {
            if (_negative || _haveValue || _haveHhmmss)
            {
                throw PyException.ValueError("only leading negative signs are allowed");
            }
            _negative = true;
        }
        else if (c is >= '0' and <= '9')
        {
            Digit(c);
        }
        else if (c == ':')
        {
            Colon();
        }
        else if (c == '.')
        {
            Dot();
        }
        else
        {
            _unit.Append(c);
            _haveValue = true;
            _haveDot = false;
        }
    }

    private void Digit(char c)
    {
        if (_haveDot)
        {
            if (_unit.Length > 0)
            {
                _number.Append(c);
                _haveDot = false;
            }
            else
            {
                _fraction.Append(c);
            }
        }
        else if (_unit.Length == 0)
        {
            _number.Append(c);
        }
        else
        {
            Add(TimedeltaParser.FromSpec(_number, _fraction, _unit.ToString()));
            _unit.Clear();
            _number.Clear().Append(c);
            _fraction.Clear();
        }
    }

    private void Colon()
    {
        if (_haveValue)
        {
            _negative = false;
        }
        if (_number.Length == 0)
        {
            throw PyException.ValueError($"expecting hh:mm:ss format, received: {text}");
        }
        (_currentUnit, var factor) = _currentUnit switch
        {
            null => ('h', 3600 * Second),
            'h' => ('m', 60 * Second),
            _ => ('s', Second),
        };
        Add(checked(Whole(_number) * factor));
        _haveHhmmss = true;
        _unit.Clear();
        _number.Clear();
    }

    private void Dot()
    {
        if (_number.Length > 0 && _currentUnit is not null)
        {
            if (_currentUnit != 'm')
            {
                throw PyException.ValueError("expected hh:mm:ss format before .");
            }
            Add(checked(Whole(_number) * Second));
            _haveValue = true;
            _unit.Clear();
            _number.Clear();
            _fraction.Clear();
        }
        _haveDot = true;
    }

    private long Finish()
    {
        if (_haveDot && _unit.Length > 0)
        {
            Add(TimedeltaParser.FromSpec(_number, _fraction, _unit.ToString()));
        }
        else if (_haveDot)
        {
            if ((_number.Length > 0 || _fraction.Length > 0) && _unit.Length == 0 && _currentUnit is null)
            {
                throw PyException.ValueError("no units specified");
            }
            Add(FractionOfSecond());
        }
        else if (_currentUnit is not null)
        {
            if (_currentUnit != 'm')
            {
                throw PyException.ValueError("expected hh:mm:ss format");
            }
            Add(checked(Whole(_number) * Second));
        }
        else if (_unit.Length > 0)
        {
            Add(_number.Length > 0
                ? TimedeltaParser.FromSpec(_number, _fraction, _unit.ToString())
                : throw PyException.ValueError("unit abbreviation w/o a number"));
        }
        else if (_number.Length == 0)
        {
            throw PyException.ValueError("symbols w/o a number");
        }
        else if (_haveValue)
        {
            throw PyException.ValueError("have leftover units");
        }
        else
        {
            Add(TimedeltaParser.FromSpec(_number, _fraction, "ns"));
        }
        return _result;
    }

    private long FractionOfSecond()
    {
        var digits = _fraction.ToString();
        if (digits.Length == 0)
        {
            // pandas evaluates int('') here and fails
            throw PyException.ValueError("invalid literal for int() with base 10: ''");
        }
        var scale = digits.Length switch
        {
            <= 3 => (long)Math.Pow(10, 3 - digits.Length) * 1_000_000,
            <= 6 => (long)Math.Pow(10, 6 - digits.Length) * 1_000,
            <= 9 => (long)Math.Pow(10, 9 - digits.Length),
            _ => 1,
        };
        return long.Parse(digits.Length > 9 ? digits[..9] : digits, CultureInfo.InvariantCulture) * scale;
    }

    private static long Whole(StringBuilder digits) =>
        long.TryParse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw PyException.ValueError($"invalid literal for int() with base 10: '{digits}'");

    private void Add(long value) => _result = checked(_result + (_negative ? -value : value));
}
