using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Search;

/// <summary>The launch articles plus small synthetic ones whose words appear nowhere else.</summary>
public sealed class SearchAppFactory : NewsAppFactory
{
    public SearchAppFactory()
    {
        Content.WriteArticle("nhat-title.md", "Quan hệ Nhật bền chặt như keo sơn", "2024-05-01", "[Thử nghiệm]");
        Content.WriteArticle("nhat-accent.md", "Quan hệ nhất bền chặt như keo sơn", "2024-05-02", "[Thử nghiệm]");
        Content.WriteArticle("xoai-title.md", "Xuất khẩu xoài tăng mạnh", "2024-04-01", "[Nông sản]",
            body: "Nông dân phấn khởi vì được mùa.");
        Content.WriteArticle("xoai-body.md", "Thị trường trái cây mùa hè", "2024-04-20", "[Nông sản]",
            body: "Nhiều loại trái cây như xoài, vải được bày bán khắp nơi.");
        Content.WriteArticle("ha-noi.md", "Hội nghị thượng đỉnh tại Hà Nội", "2024-03-01", "[Ngoại giao, Đông Nam Á]",
            body: "Các nhà lãnh đạo gặp nhau ở Hà Nội để bàn chuyện Đông Nam Á.");
        Content.WriteArticle("khong-dau.md", "Ban tin viet khong dau ve ha noi va dinh nui", "2024-03-02", "[Ngoại giao]",
            body: "Bai viet nay go khong dau: nhat ban, dong nam a.");
        Content.WriteArticle("sau-rieng-and.md", "Giá nông sản tuần này", "2024-02-01", "[Nông sản]",
            body: "Giá sầu riêng tăng, còn thanh long lại giảm.");
        Content.WriteArticle("sau-rieng-phrase.md", "Món mới ở Sài Gòn", "2024-02-02", "[Ẩm thực]",
            body: "Món sinh tố sầu riêng thanh long được ưa chuộng.");
        Content.WriteArticle("scheduled.md", "Bài hẹn giờ về chim cánh cụt", "2024-12-01", "[Thử nghiệm]");
        Content.Write("draft.md", "title: \"Bản nháp về chim cánh cụt\"\ndraft: true");
        Content.WriteArticle("kishida.md", "Thủ tướng 岸田文雄 thăm Hà Nội", "2024-01-05", "[Ngoại giao]");
        Content.WriteArticle("vai-thieu-tag.md", "Mùa thu hoạch ở Bắc Giang", "2024-01-20", "[Vải thiều]", body: "Nông dân vui.");
        Content.WriteArticle("vai-thieu-body.md", "Chợ đầu mối phía Bắc", "2024-01-25", "[Chợ]", body: "Xe chở vải thiều về chợ.");
        Content.WriteArticle("chim-se-1.md", "Đàn chim sẻ", "2024-01-01", "[Chim]", body: "Chim sẻ về làng.");
        Content.WriteArticle("chim-se-2.md", "Đàn chim sẻ", "2024-01-03", "[Chim]", body: "Chim sẻ về làng.");
        Content.WriteArticle("ha-ma.md", "Nội quy vườn thú: hà mã được ăn no", "2024-05-03", "[Thử nghiệm]");
        Content.WriteArticle("ha-noi-body.md", "Một ngày dạo phố", "2024-01-02", "[Du lịch]", body: "Mùa thu ở Hà Nội rất đẹp.");
        for (var i = 1; i <= 4; i++)
        {
            Content.WriteArticle($"tin-nhanh-{i}.md", $"Tin nhanh Nhật số {i}", $"2024-01-1{i}", "[Tin nhanh]");
        }
        Content.WriteArticle("script.md", "Bài có <script>alert(1)</script> trong tiêu đề cánh diều", "2024-01-06", "[Thử nghiệm]");
    }
}

public sealed class SearchTests(SearchAppFactory factory) : IClassFixture<SearchAppFactory>
{
    private async Task<HtmlPage> SearchAsync(string query) =>
        await HtmlPage.GetAsync(factory.Client(), "/search?q=" + Uri.EscapeDataString(query));

    private async Task<IReadOnlyList<string>> TitlesAsync(string query)
    {
        var page = await SearchAsync(query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Texts(".search-results .card-title");
    }

    [Theory]
    [InlineData("nhat ban", "Nhật Bản")]
    [InlineData("ha noi", "Hà Nội")]
    [InlineData("dong nam a", "Đông Nam Á")]
    [InlineData("dinh", "đỉnh")]
    public async Task QueryWithoutDiacritics_FindsTextWrittenWithThem(string query, string written)
    {
        var titles = await TitlesAsync(query);
        Assert.NotEmpty(titles);
        var page = await SearchAsync(query);
        // The highlight shows the reader's own text, with its diacritics.
        Assert.Contains(page.Document.QuerySelectorAll(".search-results mark"), m => m.TextContent.Contains(written, StringComparison.OrdinalIgnoreCase) || written.Contains(m.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Dong_FindsDong_WithDStroke()
    {
        var titles = await TitlesAsync("dong");
        Assert.Contains("Hội nghị thượng đỉnh tại Hà Nội", titles);
    }

    [Fact]
    public async Task Dinh_FindsDinh_WithDStroke()
    {
        var titles = await TitlesAsync("dinh");
        Assert.Contains("Hội nghị thượng đỉnh tại Hà Nội", titles);
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("đỉnh")]
    [InlineData("Nhật Bản")]
    [InlineData("Đông Nam Á")]
    public async Task QueryWithDiacritics_FindsTextWrittenWithThem_AndTheUnaccentedForm(string query)
    {
        var titles = await TitlesAsync(query);
        Assert.Contains("Ban tin viet khong dau ve ha noi va dinh nui", titles.Concat(await AllPagesAsync(query)));
        Assert.NotEqual("Ban tin viet khong dau ve ha noi va dinh nui", titles[0]);
    }

    private async Task<List<string>> AllPagesAsync(string query)
    {
        var all = new List<string>();
        for (var p = 1; p <= 5; p++)
        {
            var page = await HtmlPage.GetAsync(factory.Client(), $"/search?q={Uri.EscapeDataString(query)}&page={p}");
            if (page.Status != HttpStatusCode.OK) break;
            var titles = page.Texts(".search-results .card-title");
            if (titles.Count == 0) break;
            all.AddRange(titles);
        }
        return all;
    }

    [Fact]
    public async Task QueryWithDiacritics_RanksExactDiacriticsFirst()
    {
        Assert.Equal(["Quan hệ Nhật bền chặt như keo sơn", "Quan hệ nhất bền chặt như keo sơn"],
            (await TitlesAsync("Nhật keo sơn")).ToList());
        Assert.Equal(["Quan hệ nhất bền chặt như keo sơn", "Quan hệ Nhật bền chặt như keo sơn"],
            (await TitlesAsync("nhất keo sơn")).ToList());
    }

    [Fact]
    public async Task QueryWithoutDiacritics_FindsBothTonesOfTheSameLetters()
    {
        var titles = await TitlesAsync("nhat keo son");
        Assert.Equal(2, titles.Count);
    }

    [Fact]
    public async Task TitleMatch_RanksAboveBodyOnlyMatch_EvenWhenOlder()
    {
        Assert.Equal(["Xuất khẩu xoài tăng mạnh", "Thị trường trái cây mùa hè"], (await TitlesAsync("xoài")).ToList());
        Assert.Equal(["Xuất khẩu xoài tăng mạnh", "Thị trường trái cây mùa hè"], (await TitlesAsync("xoai")).ToList());
    }

    [Fact]
    public async Task TagMatch_RanksAboveBodyOnlyMatch_EvenWhenOlder() =>
        // Folded, "vai thieu" is also "vài" and "thiếu", common words elsewhere: the two exact matches come first.
        Assert.Equal(["Mùa thu hoạch ở Bắc Giang", "Chợ đầu mối phía Bắc"], (await TitlesAsync("vải thiều")).Take(2).ToList());

    [Theory]
    [InlineData("ha noi")]
    [InlineData("Hà Nội")]
    public async Task WordsStandingTogether_RankAboveTheSameWordsApart_EvenInTheTitle(string query)
    {
        var titles = await AllPagesAsync(query);
        Assert.True(titles.IndexOf("Một ngày dạo phố") < titles.IndexOf("Nội quy vườn thú: hà mã được ăn no"), string.Join(" | ", titles));
    }

    [Fact]
    public async Task EqualMatches_AreNewestFirst()
    {
        var page = await SearchAsync("chim sẻ");
        Assert.Equal(["2024-01-03", "2024-01-01"],
            page.Document.QuerySelectorAll(".search-results time").Select(t => t.GetAttribute("datetime")![..10]));
    }

    [Fact]
    public async Task SeveralWords_AllMustMatch()
    {
        var titles = await TitlesAsync("sầu riêng thanh long");
        Assert.Equal(2, titles.Count);
        Assert.Empty(await TitlesAsync("sầu riêng chim cánh cụt"));
    }

    [Fact]
    public async Task QuotedPhrase_MatchesOnlyWordsTogetherInOrder()
    {
        Assert.Equal(["Món mới ở Sài Gòn"], (await TitlesAsync("\"sầu riêng thanh long\"")).ToList());
        Assert.Equal(["Món mới ở Sài Gòn"], (await TitlesAsync("\"sau rieng thanh long\"")).ToList());
        Assert.Empty(await TitlesAsync("\"thanh long sầu riêng\""));
    }

    [Fact]
    public async Task Results_HighlightMatchedWords_AndShowDateAndTags()
    {
        var page = await SearchAsync("sau rieng");
        var card = page.Document.QuerySelectorAll(".search-results .article-card")[0];
        Assert.Contains(card.QuerySelectorAll(".snippet mark"), m => m.TextContent == "sầu riêng");
        Assert.NotNull(card.QuerySelector("time[datetime]"));
        Assert.NotEmpty(card.QuerySelectorAll(".tags a"));
    }

    [Fact]
    public async Task Results_EncodeTheArticlesOwnMarkup_AroundTheMarks()
    {
        var page = await SearchAsync("cánh diều");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll(".search-results script"));
        Assert.Contains("<script>alert(1)</script>", page.Text(".search-results .card-title"), StringComparison.Ordinal);
        Assert.Equal(["cánh diều"], page.Texts(".search-results .card-title mark"));
    }

    [Fact]
    public async Task ScheduledAndDraftArticles_AreNotFound_UntilVisible()
    {
        Assert.Empty(await TitlesAsync("chim cánh cụt"));
    }

    [Fact]
    public async Task Search_CombinesWithTagAndDateFilters()
    {
        var client = factory.Client();
        var byTag = await HtmlPage.GetAsync(client, "/search?q=ha+noi&tag=dong-nam-a");
        Assert.Equal(["Hội nghị thượng đỉnh tại Hà Nội"], byTag.Texts(".search-results .card-title").ToList());
        // The topic shows as a filter the reader can take off, keeping the search.
        Assert.Equal(["/search?q=ha%20noi"], byTag.Hrefs(".filters-active .chip"));
        Assert.True((await HtmlPage.GetAsync(client, "/search?q=ha%20noi")).Texts(".search-results .card-title").Count > 1);
        var byDate = await HtmlPage.GetAsync(client, "/search?q=ha+noi&from=2024-03-02&to=2024-03-02");
        Assert.Equal(["Ban tin viet khong dau ve ha noi va dinh nui"], byDate.Texts(".search-results .card-title").ToList());
    }

    [Fact]
    public async Task JapaneseName_IsFound_WithoutError() =>
        Assert.Equal(["Thủ tướng 岸田文雄 thăm Hà Nội"], (await TitlesAsync("岸田文雄")).ToList());

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
    public async Task HostileQuery_GetsANormalPage(string query)
    {
        var page = await SearchAsync(query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Tìm kiếm", page.Text("h1"));
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task VeryLongQuery_IsCut_AndThePageSaysSo()
    {
        var page = await SearchAsync(string.Concat(Enumerable.Repeat("nhật bản ", 1200)));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("200 ký tự", page.Text(".notice"), StringComparison.Ordinal);
        Assert.NotEmpty(page.Texts(".search-results .card-title"));
    }

    [Fact]
    public async Task EmptyQuery_ShowsAFriendlyPage()
    {
        foreach (var url in new[] { "/search", "/search?q=", "/search?q=%20%20" })
        {
            var page = await HtmlPage.GetAsync(factory.Client(), url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Hãy nhập từ khóa", page.Text(".search-help"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BadFilters_GetTheVietnamese400Page()
    {
        var page = await HtmlPage.GetAsync(factory.Client(), "/search?q=nhat&from=hôm-qua");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("không hợp lệ", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_HasTheSearchBox()
    {
        foreach (var url in new[] { "/", "/articles", "/tags", "/archive", "/search?q=nhat" })
        {
            var page = await HtmlPage.GetAsync(factory.Client(), url);
            var form = page.Document.QuerySelector("header form[role=search]");
            Assert.NotNull(form);
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("input[name=q]"));
        }
    }

    [Fact]
    public async Task Results_ArePagedByTen_NewestFirstAmongEquals()
    {
        var page = await SearchAsync("nhat");
        Assert.Equal(10, page.Texts(".search-results .card-title").Count);
        Assert.NotNull(page.Document.QuerySelector(".pagination a[rel=next]"));
        var next = page.Document.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=nhat", next, StringComparison.Ordinal);
        var second = await HtmlPage.GetAsync(factory.Client(), next);
        Assert.NotEmpty(second.Texts(".search-results .card-title"));
    }
}
