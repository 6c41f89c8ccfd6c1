using System.Globalization;

namespace AseanJapanNews.Web.Text;

/// <summary>
/// Vietnam is UTC+7 all year (no daylight saving). Instants are stored as UTC <see cref="DateTime"/>;
/// this is the one place that turns them into Vietnam calendar days and back.
/// </summary>
public static class VietnamTime
{
    /// <summary>
    /// The offset in whole hours, for queries: the database stores UTC and knows no time zones, so a query that
    /// groups by Vietnam month adds these hours to the stored instant (<c>AddHours</c> translates to SQL).
    /// </summary>
    public const int OffsetHours = 7;

    public static readonly TimeSpan Offset = TimeSpan.FromHours(OffsetHours);

    /// <summary>
    /// The first calendar day the site takes anywhere a date comes in (reader filters, the editor, content files).
    /// Outside the range a date is a typo (0202 for 2022), and 0001-01-01 in Vietnam is before the first UTC instant.
    /// </summary>
    public static readonly DateOnly EarliestDay = new(1900, 1, 1);

    /// <summary>The last calendar day the site takes (see <see cref="EarliestDay"/>).</summary>
    public static readonly DateOnly LatestDay = new(2100, 12, 31);

    /// <summary>Whether <paramref name="day"/> lies in <see cref="EarliestDay"/>–<see cref="LatestDay"/>.</summary>
    public static bool IsInRange(DateOnly day) => day >= EarliestDay && day <= LatestDay;

    /// <summary>Whether <paramref name="year"/> is one of the years <see cref="EarliestDay"/>–<see cref="LatestDay"/> span.</summary>
    public static bool IsYearInRange(int year) => year >= EarliestDay.Year && year <= LatestDay.Year;

    private static readonly string[] DayNames =
        ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"];

    public static DateTimeOffset ToVietnam(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>The UTC instant at which the Vietnam day <paramref name="day"/> begins (00:00 GMT+7).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>The later of a publication and a revision: a revision before publication is not news to readers.</summary>
    public static DateTime Latest(DateTime publishedUtc, DateTime? revisedUtc) =>
        revisedUtc > publishedUtc ? revisedUtc.Value : publishedUtc;

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToVietnam(utc).DateTime);

    // Every format below uses the invariant (Gregorian) culture: a server set to th-TH would otherwise
    // print the Buddhist year 2566 for 2023.

    /// <summary>"Chủ nhật, 17/12/2023", with ", 08:04 (GMT+7)" when the time of day is known.</summary>
    public static string DateLine(DateTime utc, bool withTime)
    {
        var local = ToVietnam(utc);
        var line = $"{DayNames[(int)local.DayOfWeek]}, {ShortDate(utc)}";
        return withTime ? $"{line}, {local.ToString("HH':'mm", CultureInfo.InvariantCulture)} (GMT+7)" : line;
    }

    /// <summary>Short form for lists: "17/12/2023".</summary>
    public static string ShortDate(DateTime utc) => ToVietnam(utc).ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the +07:00 offset, for feeds, sitemaps and structured data.</summary>
    public static string Iso(DateTime utc) => ToVietnam(utc).ToString("yyyy-MM-dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);
}
