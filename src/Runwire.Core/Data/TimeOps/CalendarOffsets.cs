namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// pandas' <c>_get_offset</c>: offset names with optional suffix (W-MON, Q-NOV, SM-20). Calendar offsets are named only,
/// for pandas-like messages; the rarely used WOM, LWOM, RE and REQ families are not recognised.
/// </summary>
internal static class CalendarOffsets
{
    private enum Suffix
    {
        None,
        Weekday,
        Month,
        DayOfMonth,
        BusinessHours,
    }

    /// <summary>pandas' <c>_lite_rule_alias</c>.</summary>
    internal static readonly Dictionary<string, string> Alias = new()
    {
        ["W"] = "W-SUN", ["Q"] = "Q-DEC", ["A"] = "A-DEC", ["Y"] = "A-DEC", ["AS"] = "AS-JAN", ["YS"] = "AS-JAN",
        ["BA"] = "BA-DEC", ["BY"] = "BA-DEC", ["BAS"] = "BAS-JAN", ["BYS"] = "BAS-JAN",
        ["Min"] = "T", ["min"] = "T", ["ms"] = "L", ["us"] = "U", ["ns"] = "N",
    };

    private static readonly Dictionary<string, (string ClassName, Suffix Suffix, int Default)> Classes = new()
    {
        ["B"] = ("BusinessDay", Suffix.None, 0),
        ["C"] = ("CustomBusinessDay", Suffix.None, 0),
        ["BH"] = ("BusinessHour", Suffix.BusinessHours, 0),
        ["CBH"] = ("CustomBusinessHour", Suffix.BusinessHours, 0),
        ["W"] = ("Week", Suffix.Weekday, -1),
        ["M"] = ("MonthEnd", Suffix.None, 0),
        ["MS"] = ("MonthBegin", Suffix.None, 0),
        ["BM"] = ("BusinessMonthEnd", Suffix.None, 0),
        ["BMS"] = ("BusinessMonthBegin", Suffix.None, 0),
        ["CBM"] = ("CustomBusinessMonthEnd", Suffix.None, 0),
        ["CBMS"] = ("CustomBusinessMonthBegin", Suffix.None, 0),
        ["SM"] = ("SemiMonthEnd", Suffix.DayOfMonth, 15),
        ["SMS"] = ("SemiMonthBegin", Suffix.DayOfMonth, 15),
        ["Q"] = ("QuarterEnd", Suffix.Month, 12),
        ["QS"] = ("QuarterBegin", Suffix.Month, 1),
        ["BQ"] = ("BusinessQuarterEnd", Suffix.Month, 12),
        ["BQS"] = ("BusinessQuarterBegin", Suffix.Month, 1),
        ["A"] = ("YearEnd", Suffix.Month, 12),
        ["AS"] = ("YearBegin", Suffix.Month, 1),
        ["BA"] = ("BYearEnd", Suffix.Month, 12),
        ["BAS"] = ("BYearBegin", Suffix.Month, 1),
    };

    private static readonly string[] Weekdays = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The offset with n = 1 for a name; ValueError for unknown names or suffixes.</summary>
    public static Offset Named(string name)
    {
        if (name is not ("MS" or "ms"))
        {
            name = name.ToUpperInvariant();
            name = Alias.GetValueOrDefault(name, name);
            name = Alias.GetValueOrDefault(name.ToLowerInvariant(), name);
        }
        else
        {
            name = Alias.GetValueOrDefault(name, name);
        }
        var parts = name.Split('-');
        if (parts.Length == 1 && Offset.IsTickUnit(parts[0]))
        {
            return Offset.Tick(parts[0], 1);
        }
        if (parts.Length > 2 || !Classes.TryGetValue(parts[0], out var info))
        {
            throw PyException.ValueError($"Invalid frequency: {name}");
        }
        var suffix = parts.Length == 2 ? parts[1] : null;
        return info.Suffix switch
        {
            Suffix.None when suffix is null => Offset.Calendar(parts[0], 1, info.ClassName, ""),
            Suffix.BusinessHours when suffix is null =>
                Offset.Calendar(parts[0], 1, info.ClassName, $": {parts[0]}=09:00-17:00"),
            Suffix.Weekday => Weekday(parts[0], suffix, info.ClassName),
            Suffix.Month => Month(parts[0], suffix, info.ClassName, info.Default),
            Suffix.DayOfMonth => DayOfMonth(parts[0], suffix, info.ClassName, info.Default),
            _ => throw PyException.ValueError($"Bad freq suffix {suffix}"),
        };
    }

    private static Offset Weekday(string prefix, string? suffix, string className)
    {
        if (suffix is null)
        {
            return Offset.Calendar(prefix, 1, className, ": weekday=None");
        }
        var day = Array.IndexOf(Weekdays, suffix);
        return day < 0
            ? throw PyException.ValueError($"Bad freq suffix {suffix}")
            : Offset.Calendar($"{prefix}-{suffix}", 1, className, $": weekday={day}");
    }

    private static Offset Month(string prefix, string? suffix, string className, int defaultMonth)
    {
        var month = suffix is null ? defaultMonth : Array.IndexOf(Months, suffix) + 1;
        if (month == 0)
        {
            throw PyException.ValueError($"Bad freq suffix {suffix}");
        }
        var attribute = prefix.Contains('Q', StringComparison.Ordinal) ? "startingMonth" : "month";
        return Offset.Calendar($"{prefix}-{Months[month - 1]}", 1, className, $": {attribute}={month}");
    }

    private static Offset DayOfMonth(string prefix, string? suffix, string className, int defaultDay)
    {
        var day = defaultDay;
        if (suffix is not null && !int.TryParse(suffix, out day))
        {
            throw PyException.ValueError($"Bad freq suffix {suffix}");
        }
        return Offset.Calendar($"{prefix}-{day}", 1, className, $": day_of_month={day}");
    }
}
