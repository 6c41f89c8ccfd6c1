using System.Globalization;
using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Publication dates from header lines in the forms Vietnamese sites print them. Only a line that is
/// mostly a date counts: a date mentioned inside a sentence is a fact of the story, not its dateline.
/// </summary>
public static partial class Datelines
{
    /// <summary>What a dateline line said.</summary>
    /// <param name="Date">The instant, or null when the line has a day and month but no year (never guessed).</param>
    /// <param name="HasTime">True when a time of day was given.</param>
    /// <param name="Rest">Words left after the date, time and labels are taken out (often a byline).</param>
    public sealed record Dateline(DateTimeOffset? Date, bool HasTime, string Rest);

    /// <summary>
    /// Reads <paramref name="line"/> as a dateline: "Cập nhật: 08:04, 13/03/2020 (GMT+7)",
    /// "Thứ bảy, 16/12/2023 - 10:15", "16/12/2023 10:15 GMT+7", "Cập nhật lúc 15:30 ngày 05/06/2024",
    /// "Ngày đăng: …", "2023-12-16T10:15:00+07:00", "ngày 16 tháng 12 năm 2023". Vietnam time (UTC+7)
    /// unless the line states an offset ("GMT+9", "UTC", a bare "GMT" is +00:00) or a zone ("JST", "ICT", "giờ Tokyo"). Returns null when the line is not a dateline.
    /// </summary>
    public static Dateline? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 140 || Prose.WordCount(line) > 20)
        {
            return null;
        }
        var rest = line;
        DateOnly? day = null;
        var sawDayMonth = false;
        TimeOnly? time = null;
        TimeSpan? offset = null;

        var iso = Iso().Match(rest);
        if (iso.Success)
        {
            day = TryDay(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
            if (iso.Groups["h"].Success)
            {
                time = TryTime(iso.Groups["h"].Value, iso.Groups["min"].Value);
            }
            rest = rest.Remove(iso.Index, iso.Length);
            if (iso.Groups["z"].Success)
            {
                offset = ParseOffset(iso.Groups["z"].Value);
            }
            else if (Offset().Match(rest) is { Success: true } stated)
            {
                offset = ZoneOffset(stated);
                rest = rest.Remove(stated.Index, stated.Length);
            }
        }
        else
        {
            var dmy = DayMonthYear().Match(rest);
            if (dmy.Success)
            {
                day = TryDay(dmy.Groups["y"].Value, dmy.Groups["m"].Value, dmy.Groups["d"].Value);
                rest = rest.Remove(dmy.Index, dmy.Length);
            }
            else if (WordyDate().Match(rest) is { Success: true } wordy)
            {
                day = TryDay(wordy.Groups["y"].Value, wordy.Groups["m"].Value, wordy.Groups["d"].Value);
                rest = rest.Remove(wordy.Index, wordy.Length);
            }
            else if (EnglishDate().Match(rest) is { Success: true } english)
            {
                // "Mar 5, 2025", "March 11, 2025", "5 March 2025": English-language pages and sites with an English template.
                var month = Array.FindIndex(EnglishMonths, m => english.Groups["mon"].Value.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
                day = TryDay(english.Groups["y"].Value, month.ToString(System.Globalization.CultureInfo.InvariantCulture), english.Groups["d"].Success ? english.Groups["d"].Value : english.Groups["d2"].Value);
                rest = rest.Remove(english.Index, english.Length);
            }
            else if (DayMonth().Match(rest) is { Success: true } dm)
            {
                sawDayMonth = true;
                rest = rest.Remove(dm.Index, dm.Length);
            }
            // The offset goes first, so its "07:00" in "(GMT+07:00)" is not read as the time of day.
            var z = Offset().Match(rest);
            if (z.Success)
            {
                offset = ZoneOffset(z);
                rest = rest.Remove(z.Index, z.Length);
            }
            var t = Time().Match(rest);
            if (t.Success)
            {
                time = TryTime(t.Groups["h"].Value, t.Groups["min"].Value);
                if (time is { } parsed && t.Groups["ampm"].Success)
                {
                    var pm = t.Groups["ampm"].Value.StartsWith('p') || t.Groups["ampm"].Value.StartsWith('P');
                    time = new TimeOnly((parsed.Hour % 12) + (pm ? 12 : 0), parsed.Minute);
                }
                rest = rest.Remove(t.Index, t.Length);
            }
        }
        if (day is null && !sawDayMonth)
        {
            return null;
        }
        rest = Labels().Replace(rest, " ");
        rest = string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ',', '-', '–', '|', '/', '(', ')', '.', ':');
        // Anything sentence-like left over means the date was part of prose ("Hội nghị diễn ra ngày 16/12/2023.").
        var sentence = line.TrimEnd().EndsWith('.') && Prose.WordCount(rest) >= 2;
        if (sentence || Prose.WordCount(rest) > 5)
        {
            return null;
        }
        if (day is null)
        {
            return new Dateline(null, false, rest);
        }
        var local = day.Value.ToDateTime(time ?? TimeOnly.MinValue);
        return new Dateline(new DateTimeOffset(local, offset ?? VietnamTime.Offset), time is not null, rest);
    }

    private static DateOnly? TryDay(string y, string m, string d) =>
        int.TryParse(y, out var year) && int.TryParse(m, out var month) && int.TryParse(d, out var dd)
        && year >= VietnamTime.EarliestDay.Year && year <= VietnamTime.LatestDay.Year
        && month is >= 1 and <= 12 && dd >= 1 && dd <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, dd)
            : null;

    private static TimeOnly? TryTime(string h, string min) =>
        int.TryParse(h, out var hour) && int.TryParse(min, out var minute) && hour is >= 0 and < 24 && minute is >= 0 and < 60
            ? new TimeOnly(hour, minute)
            : null;

    // "GMT+9", "UTC-05:00", a bare "GMT"/"UTC" (+00:00), or a named zone: "JST" (+09:00), "ICT" (+07:00).
    private static TimeSpan ZoneOffset(Match zone)
    {
        if (zone.Groups["name"].Success)
        {
            return NamedZones[string.Join(' ', zone.Groups["name"].Value.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        }
        return zone.Groups["z"].Success ? ParseOffset(zone.Groups["z"].Value) : TimeSpan.Zero;
    }

    // Zone abbreviations printed after a time. Vietnam time needs none (it is the default).
    private static readonly Dictionary<string, TimeSpan> NamedZones = new(StringComparer.Ordinal)
    {
        ["JST"] = TimeSpan.FromHours(9),
        ["KST"] = TimeSpan.FromHours(9),
        ["ICT"] = TimeSpan.FromHours(7),
        ["WIB"] = TimeSpan.FromHours(7),
        ["SGT"] = TimeSpan.FromHours(8),
        ["MYT"] = TimeSpan.FromHours(8),
        ["PHT"] = TimeSpan.FromHours(8),
        ["AEST"] = TimeSpan.FromHours(10),
        ["EST"] = TimeSpan.FromHours(-5),
        ["EDT"] = TimeSpan.FromHours(-4),
        ["CET"] = TimeSpan.FromHours(1),
        ["CEST"] = TimeSpan.FromHours(2),
        ["GIỜ VIỆT NAM"] = TimeSpan.FromHours(7),
        ["GIỜ HÀ NỘI"] = TimeSpan.FromHours(7),
        ["GIỜ NHẬT BẢN"] = TimeSpan.FromHours(9),
        ["GIỜ NHẬT"] = TimeSpan.FromHours(9),
        ["GIỜ TOKYO"] = TimeSpan.FromHours(9),
    };

    private static TimeSpan ParseOffset(string z)
    {
        if (z is "Z" or "z")
        {
            return TimeSpan.Zero;
        }
        var m = OffsetValue().Match(z);
        if (!m.Success)
        {
            return VietnamTime.Offset;
        }
        var span = new TimeSpan(int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0, 0);
        return m.Groups["sign"].Value == "-" ? -span : span;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<min>\d{2})(?::\d{2}(?:\.\d+)?)?(?<z>Z|[+-]\d{2}:?\d{2})?)?(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})(?!\d)")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s*(?:,|\s)\s*(?:năm\s+)?(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex WordyDate();

    private static readonly string[] EnglishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"(?<!\p{L})(?:(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s(?<d>\d{1,2}),?\s(?<y>\d{4})|(?<d2>\d{1,2})\s(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s(?<y>\d{4}))(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"(?<![\d/])(?<d>\d{1,2})/(?<m>\d{1,2})(?![\d/])")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})\s*[:hH]\s*(?<min>\d{2})(?::\d{2})?(?:\s*(?<ampm>[AaPp]\.?[Mm]\.?))?(?!\d)")]
    private static partial Regex Time();

    [GeneratedRegex(@"\(?\s*(?:(?<!\p{L})(?:GMT|UTC)\s*(?<z>[+-]\s*\d{1,2}(?::?\d{2})?)?|(?<!\p{L})(?<name>JST|KST|ICT|WIB|SGT|MYT|PHT|AEST|EST|EDT|CET|CEST|giờ (?:Việt Nam|Hà Nội|Nhật Bản|Nhật|Tokyo))(?!\p{L}))\s*\)?", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();

    [GeneratedRegex(@"(?<sign>[+-])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?")]
    private static partial Regex OffsetValue();

    // Words that surround dates in headers; what remains after removing them is judged above.
    [GeneratedRegex(@"(?<!\p{L})(cập nhật( lúc| ngày)?|ngày đăng|đăng lúc|đăng ngày|đăng|xuất bản|thời gian|ngày cập nhật|lúc|ngày|giờ|published|updated|posted|chủ nhật|thứ (hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|t[2-7]|cn|sáng|chiều|tối|trưa)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Labels();
}
