using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Tests.Search.Lucene;

/// <summary>The cases of <see cref="SearchTests"/> that belong to the engine, asked of <see cref="Web.Search.Lucene.LuceneSearchIndex"/> directly.</summary>
public sealed class LuceneSearchTests(LuceneSearchFixture search) : IClassFixture<LuceneSearchFixture>
{
    [Theory]
    [InlineData("nhat ban", "Nhật Bản")]
    [InlineData("ha noi", "Hà Nội")]
    [InlineData("dong nam a", "Đông Nam Á")]
    [InlineData("dinh", "đỉnh")]
    public async Task QueryWithoutDiacritics_FindsTextWrittenWithThem(string query, string written)
    {
        var results = await search.SearchAsync(query);
        Assert.NotEmpty(results.Hits);
        // The highlight shows the reader's own text, with its diacritics.
        var marks = results.Hits.SelectMany(h => LuceneSearchFixture.Marks(h.TitleHtml + h.SnippetHtml));
        Assert.Contains(marks, m => m.Contains(written, StringComparison.OrdinalIgnoreCase) || written.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Dong_FindsDong_WithDStroke() =>
        Assert.Contains("Hội nghị thượng đỉnh tại Hà Nội", await search.TitlesAsync("dong"));

    [Fact]
    public async Task Dinh_FindsDinh_WithDStroke() =>
        Assert.Contains("Hội nghị thượng đỉnh tại Hà Nội", await search.TitlesAsync("dinh"));

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("đỉnh")]
    [InlineData("Nhật Bản")]
    [InlineData("Đông Nam Á")]
    public async Task QueryWithDiacritics_FindsTextWrittenWithThem_AndTheUnaccentedForm(string query)
    {
        var titles = await search.AllTitlesAsync(query);
        Assert.Contains("Ban tin viet khong dau ve ha noi va dinh nui", titles);
        Assert.NotEqual("Ban tin viet khong dau ve ha noi va dinh nui", titles[0]);
    }

    [Fact]
    public async Task QueryWithDiacritics_RanksExactDiacriticsFirst()
    {
        Assert.Equal(["Quan hệ Nhật bền chặt như keo sơn", "Quan hệ nhất bền chặt như keo sơn"], await search.TitlesAsync("Nhật keo sơn"));
        Assert.Equal(["Quan hệ nhất bền chặt như keo sơn", "Quan hệ Nhật bền chặt như keo sơn"], await search.TitlesAsync("nhất keo sơn"));
    }

    [Fact]
    public async Task QueryWithoutDiacritics_FindsBothTonesOfTheSameLetters() =>
        Assert.Equal(2, (await search.TitlesAsync("nhat keo son")).Count);

    [Fact]
    public async Task TitleMatch_RanksAboveBodyOnlyMatch_EvenWhenOlder()
    {
        Assert.Equal(["Xuất khẩu xoài tăng mạnh", "Thị trường trái cây mùa hè"], await search.TitlesAsync("xoài"));
        Assert.Equal(["Xuất khẩu xoài tăng mạnh", "Thị trường trái cây mùa hè"], await search.TitlesAsync("xoai"));
    }

    [Fact]
    public async Task TagMatch_RanksAboveBodyOnlyMatch_EvenWhenOlder() =>
        // Folded, "vai thieu" is also "vài" and "thiếu", common words elsewhere: the two exact matches come first.
        Assert.Equal(["Mùa thu hoạch ở Bắc Giang", "Chợ đầu mối phía Bắc"], (await search.TitlesAsync("vải thiều")).Take(2));

    [Theory]
    [InlineData("ha noi")]
    [InlineData("Hà Nội")]
    public async Task WordsStandingTogether_RankAboveTheSameWordsApart_EvenInTheTitle(string query)
    {
        var titles = await search.AllTitlesAsync(query);
        Assert.True(titles.IndexOf("Một ngày dạo phố") < titles.IndexOf("Nội quy vườn thú: hà mã được ăn no"), string.Join(" | ", titles));
    }

    [Fact]
    public async Task EqualMatches_AreNewestFirst()
    {
        var results = await search.SearchAsync("chim sẻ");
        Assert.Equal([new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 1)], results.Hits.Select(h => VietnamTime.DayOf(h.Article.PublishedAtUtc)));
    }

    [Fact]
    public async Task SeveralWords_AllMustMatch()
    {
        Assert.Equal(2, (await search.TitlesAsync("sầu riêng thanh long")).Count);
        Assert.Empty(await search.TitlesAsync("sầu riêng chim cánh cụt"));
    }

    [Fact]
    public async Task QuotedPhrase_MatchesOnlyWordsTogetherInOrder()
    {
        Assert.Equal(["Món mới ở Sài Gòn"], await search.TitlesAsync("\"sầu riêng thanh long\""));
        Assert.Equal(["Món mới ở Sài Gòn"], await search.TitlesAsync("\"sau rieng thanh long\""));
        Assert.Empty(await search.TitlesAsync("\"thanh long sầu riêng\""));
    }

    [Fact]
    public async Task Results_HighlightMatchedWords_AndCarryDateAndTags()
    {
        var hit = (await search.SearchAsync("sau rieng")).Hits[0];
        Assert.Contains("sầu riêng", LuceneSearchFixture.Marks(hit.SnippetHtml));
        Assert.NotEmpty(hit.Article.Tags);
    }

    [Fact]
    public async Task Results_EncodeTheArticlesOwnMarkup_AroundTheMarks()
    {
        var hit = (await search.SearchAsync("cánh diều")).Hits[0];
        Assert.DoesNotContain("<script>", hit.TitleHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", hit.TitleHtml, StringComparison.Ordinal);
        Assert.Equal(["cánh diều"], LuceneSearchFixture.Marks(hit.TitleHtml));
    }

    [Fact]
    public async Task ScheduledAndDraftArticles_AreNotFound_UntilVisible() =>
        Assert.Empty(await search.TitlesAsync("chim cánh cụt"));

    [Fact]
    public async Task Search_CombinesWithTagAndDateFilters()
    {
        var byTag = await search.SearchAsync("ha noi", tags: ["dong-nam-a"]);
        Assert.Equal(["Hội nghị thượng đỉnh tại Hà Nội"], byTag.Hits.Select(h => h.Article.Title));
        Assert.Equal(1, byTag.TotalCount);
        Assert.True((await search.SearchAsync("ha noi")).Hits.Count > 1);
        var byDate = await search.SearchAsync("ha noi", from: new DateOnly(2024, 3, 2), to: new DateOnly(2024, 3, 2));
        Assert.Equal(["Ban tin viet khong dau ve ha noi va dinh nui"], byDate.Hits.Select(h => h.Article.Title));
    }

    [Fact]
    public async Task JapaneseName_IsFound_WithoutError() =>
        Assert.Equal(["Thủ tướng 岸田文雄 thăm Hà Nội"], await search.TitlesAsync("岸田文雄"));

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("*")]
    [InlineData("nhat*")]
    [InlineData("-")]
    [InlineData("-nhat")]
    [InlineData("(")]
    [InlineData("(nhat")]
    [InlineData(")")]
    [InlineData("NEAR")]
    [InlineData("NEAR(nhat ban)")]
    [InlineData("nhat NEAR ban")]
    [InlineData("AND")]
    [InlineData("nhat AND")]
    [InlineData("OR NOT")]
    [InlineData("title:nhat")]
    [InlineData("{title}: nhat")]
    [InlineData("^nhat")]
    [InlineData("\"Nhật Bản")]
    [InlineData("Nhật \"Bản")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("岸田文雄")]
    [InlineData("   ")]
    [InlineData("🙂")]
    [InlineData("\u0000")]
    [InlineData("\u0301")]
    [InlineData("a\u0301 b")]
    public async Task HostileQuery_GetsResultsOrNone_NeverAnError(string query)
    {
        var results = await search.SearchAsync(query);
        Assert.All(results.Hits, h => Assert.DoesNotContain("<script", h.TitleHtml + h.SnippetHtml, StringComparison.Ordinal));
        Assert.True(results.TotalCount >= results.Hits.Count);
    }

    [Fact]
    public async Task VeryLongQuery_IsCut_AndStillFinds()
    {
        var terms = SearchTerms.Parse(string.Concat(Enumerable.Repeat("nhật bản ", 1200)));
        Assert.True(terms.Truncated);
        Assert.NotEmpty(await search.TitlesAsync(terms.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task EmptyQuery_FindsNothing(string query)
    {
        var results = await search.SearchAsync(query);
        Assert.Empty(results.Hits);
        Assert.Equal(0, results.TotalCount);
    }

    [Fact]
    public async Task Results_ArePagedByTen()
    {
        var first = await search.SearchAsync("nhat");
        Assert.Equal(10, first.Hits.Count);
        Assert.True(first.TotalPages > 1);
        var second = await search.SearchAsync("nhat", page: 2);
        Assert.NotEmpty(second.Hits);
        Assert.Empty(first.Hits.Select(h => h.Article.Slug).Intersect(second.Hits.Select(h => h.Article.Slug)));
    }

    [Fact]
    public async Task TotalCount_IsEveryVisibleMatch()
    {
        var results = await search.SearchAsync("nhat");
        Assert.False(results.Capped);
        Assert.Equal(results.TotalCount, (await search.AllTitlesAsync("nhat")).Count);
    }
}
