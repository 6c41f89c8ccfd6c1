using AseanJapanNews.Web.Data;

namespace AseanJapanNews.Tests.Web;

/// <summary>The in-memory visibility check says exactly what the query one does.</summary>
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

    [Theory]
    [MemberData(nameof(Cases))]
    public void InMemoryRule_MatchesTheQueryRule(ArticleStatus status, int? publishedMinutesFromNow)
    {
        var now = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        var article = new Article { Slug = "bai", Title = "Bài", Status = status, PublishedAtUtc = publishedMinutesFromNow is { } m ? now.AddMinutes(m) : null };
        Assert.Equal(new[] { article }.AsQueryable().VisibleToReaders(now).Any(), article.IsVisibleToReaders(now));
    }
}
