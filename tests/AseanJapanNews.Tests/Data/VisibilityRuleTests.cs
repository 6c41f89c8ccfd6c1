using System.Globalization;
using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Tests.Data;

/// <summary>The in-memory visibility and scheduling checks say exactly what the query ones do.</summary>
public sealed class VisibilityRuleTests
{
    public static TheoryData<ArticleStatus, int?> Cases()
    {
        var data = new TheoryData<ArticleStatus, int?>();
        foreach (var status in Enum.GetValues<ArticleStatus>())
        {
            foreach (var minutes in new int?[] { null, -60, 0, 60 })
            {
                data.Add(status, minutes);
            }
        }
        return data;
    }

    private static readonly DateTime Now = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc); // 19:00 in Vietnam

    private static Article ArticleAt(ArticleStatus status, int? publishedMinutesFromNow) =>
        new() { Slug = "bai", Title = "Bài", Status = status, PublishedAtUtc = publishedMinutesFromNow is { } m ? Now.AddMinutes(m) : null };

    [Theory]
    [MemberData(nameof(Cases))]
    public void InMemoryRule_MatchesTheQueryRule(ArticleStatus status, int? publishedMinutesFromNow)
    {
        var article = ArticleAt(status, publishedMinutesFromNow);
        Assert.Equal(new[] { article }.AsQueryable().VisibleToReaders(Now).Any(), article.IsVisibleToReaders(Now));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InMemoryScheduledRule_MatchesTheQueryRule(ArticleStatus status, int? publishedMinutesFromNow)
    {
        var article = ArticleAt(status, publishedMinutesFromNow);
        Assert.Equal(new[] { article }.AsQueryable().Scheduled(Now).Any(), article.IsScheduled(Now));
    }

    public static TheoryData<string?, string?> Periods() => new()
    {
        { "2024-05-01", "2024-05-31" }, // wholly before now
        { "2024-06-01", "2024-06-30" }, // ends after now: scheduled articles in it stay hidden
        { null, null },
        { "2024-06-01", null },
        { null, "2024-05-31" },
        { "2024-07-01", null }, // wholly after now
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void PeriodRule_IsTheVisibilityRule_AndTheVietnamDays(string? from, string? to)
    {
        DateTime?[] instants =
        [
            null,
            new(2024, 4, 30, 16, 59, 59, DateTimeKind.Utc), // 23:59:59 on 30/4 in Vietnam
            new(2024, 4, 30, 17, 0, 0, DateTimeKind.Utc), // 00:00 on 1/5 in Vietnam
            new(2024, 5, 31, 16, 59, 59, DateTimeKind.Utc),
            new(2024, 5, 31, 17, 0, 0, DateTimeKind.Utc), // 00:00 on 1/6 in Vietnam
            Now, Now.AddMinutes(1), new(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc),
        ];
        var first = from is null ? (DateOnly?)null : DateOnly.Parse(from, CultureInfo.InvariantCulture);
        var last = to is null ? (DateOnly?)null : DateOnly.Parse(to, CultureInfo.InvariantCulture);
        var articles = instants.Select((at, i) => new Article { Id = i, Slug = $"bai-{i}", Title = "Bài", Status = ArticleStatus.Published, PublishedAtUtc = at }).ToList();

        var expected = articles
            .Where(a => a.IsVisibleToReaders(Now))
            .Where(a => DateOnly.FromDateTime(a.PublishedAtUtc!.Value.AddHours(7)) is var day && (first is null || day >= first) && (last is null || day <= last))
            .Select(a => a.Id);
        Assert.Equal(expected, articles.AsQueryable().VisibleToReaders(Now, first, last).Select(a => a.Id));
    }
}
