using System.Globalization;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Tests.Text;

public class VietnamTimeTests
{
    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void DayOf_IsTheNextDay_ForLateEveningUtc() =>
        Assert.Equal(new DateOnly(2023, 12, 17), VietnamTime.DayOf(Utc(2023, 12, 16, 23, 30)));

    [Theory]
    [InlineData(16, 16, 59, 16)] // 23:59 in Hanoi
    [InlineData(16, 17, 0, 17)] // 00:00 in Hanoi
    [InlineData(17, 16, 59, 17)]
    public void DayOf_ChangesAt17HoursUtc(int utcDay, int hour, int minute, int vietnamDay) =>
        Assert.Equal(new DateOnly(2023, 12, vietnamDay), VietnamTime.DayOf(Utc(2023, 12, utcDay, hour, minute)));

    [Fact]
    public void DayOf_CrossesTheYear_ForNewYearsEveUtc() =>
        Assert.Equal(new DateOnly(2024, 1, 1), VietnamTime.DayOf(Utc(2023, 12, 31, 17, 30)));

    [Fact]
    public void StartOfDayUtc_IsFivePmTheDayBeforeInUtc()
    {
        var start = VietnamTime.StartOfDayUtc(new DateOnly(2023, 12, 17));
        Assert.Equal(Utc(2023, 12, 16, 17), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Fact]
    public void StartOfDayUtc_IsInsideTheDayItStarts()
    {
        var day = new DateOnly(2024, 2, 29);
        Assert.Equal(day, VietnamTime.DayOf(VietnamTime.StartOfDayUtc(day)));
        Assert.Equal(day.AddDays(-1), VietnamTime.DayOf(VietnamTime.StartOfDayUtc(day).AddTicks(-1)));
    }

    [Theory]
    [InlineData(2023, 12, 17, "Chủ nhật")]
    [InlineData(2023, 12, 18, "Thứ hai")]
    [InlineData(2023, 12, 19, "Thứ ba")]
    [InlineData(2023, 12, 20, "Thứ tư")]
    [InlineData(2023, 12, 21, "Thứ năm")]
    [InlineData(2023, 12, 22, "Thứ sáu")]
    [InlineData(2023, 12, 23, "Thứ bảy")]
    public void DateLine_NamesTheVietnameseWeekday(int y, int m, int d, string weekday) =>
        Assert.StartsWith(weekday + ", ", VietnamTime.DateLine(VietnamTime.StartOfDayUtc(new DateOnly(y, m, d)).AddHours(9), withTime: false), StringComparison.Ordinal);

    [Fact]
    public void DateLine_ShowsVietnamDayAndTime_WithGmtPlus7() =>
        Assert.Equal("Chủ nhật, 17/12/2023, 08:04 (GMT+7)", VietnamTime.DateLine(Utc(2023, 12, 17, 1, 4), withTime: true));

    [Fact]
    public void DateLine_OmitsTheTime_WhenOnlyTheDayIsKnown() =>
        Assert.Equal("Chủ nhật, 17/12/2023", VietnamTime.DateLine(Utc(2023, 12, 16, 17), withTime: false));

    [Fact]
    public void DateLine_UsesTheVietnamWeekday_ForLateNightUtcInstant() =>
        // 23:30 UTC on Saturday 16/12 is 06:30 on Sunday 17/12 in Hanoi.
        Assert.Equal("Chủ nhật, 17/12/2023, 06:30 (GMT+7)", VietnamTime.DateLine(Utc(2023, 12, 16, 23, 30), withTime: true));

    [Fact]
    public void DateLine_TreatsUnspecifiedKindAsUtc() =>
        Assert.Equal("Thứ sáu, 13/03/2020, 08:04 (GMT+7)",
            VietnamTime.DateLine(new DateTime(2020, 3, 13, 1, 4, 0, DateTimeKind.Unspecified), withTime: true));

    [Fact]
    public void DateLineAndShortDate_StayGregorian_WhateverTheServerCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // Thai uses the Buddhist calendar (2023 = 2566) and Saudi Arabia the Hijri one.
            foreach (var culture in new[] { "th-TH", "ar-SA", "vi-VN" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.Equal("Chủ nhật, 17/12/2023, 08:04 (GMT+7)", VietnamTime.DateLine(Utc(2023, 12, 17, 1, 4), withTime: true));
                Assert.Equal("17/12/2023", VietnamTime.ShortDate(Utc(2023, 12, 17, 1, 4)));
                Assert.Equal("2023-12-17T08:04:00+07:00", VietnamTime.Iso(Utc(2023, 12, 17, 1, 4)));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Iso_WritesThePlus7Offset() =>
        Assert.Equal("2023-12-17T06:00:00+07:00", VietnamTime.Iso(Utc(2023, 12, 16, 23)));
}
