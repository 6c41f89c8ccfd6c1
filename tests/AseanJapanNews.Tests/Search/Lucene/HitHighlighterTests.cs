using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Search.Lucene;

namespace AseanJapanNews.Tests.Search.Lucene;

/// <summary>The cases of <see cref="HighlighterTests"/>, asked of the Lucene highlighter.</summary>
public sealed class HitHighlighterTests : IDisposable
{
    private readonly ArticleAnalyzer analyzer = new();

    private HitHighlighter For(string query) => new(ArticleQuery.For(SearchTerms.Parse(query), [])!, analyzer);

    [Fact]
    public void Title_HighlightsTheTextAsWritten_WhicheverWayItWasTyped() =>
        Assert.Equal("Hội nghị tại <mark>Hà Nội</mark>", For("ha noi").Title("Hội nghị tại Hà Nội"));

    [Fact]
    public void Title_FoldsDStroke() =>
        Assert.Equal("<mark>Đỉnh</mark> cao", For("dinh").Title("Đỉnh cao"));

    [Fact]
    public void Title_EncodesEverythingButItsOwnMarks() =>
        Assert.Equal("&lt;b&gt;<mark>mèo</mark>&lt;/b&gt; &amp; chó", For("meo").Title("<b>mèo</b> & chó"));

    [Fact]
    public void Title_MatchesWholeWordsOnly() =>
        Assert.Equal("Nhật Bản", For("nha").Title("Nhật Bản"));

    [Fact]
    public void Title_HighlightsAPhraseOnlyWhereItsWordsFollowEachOther() =>
        Assert.Equal("sầu riêng, <mark>thanh long</mark> và long thanh", For("\"thanh long\"").Title("sầu riêng, thanh long và long thanh"));

    [Fact]
    public void Title_KeepsEveryScriptAsItIs() =>
        Assert.Equal("Thủ tướng <mark>岸田文雄</mark> thăm Hà Nội", For("岸田文雄").Title("Thủ tướng 岸田文雄 thăm Hà Nội"));

    [Fact]
    public void Snippet_EndsEachParagraphAndCaption_SoNoneRunsIntoTheNext()
    {
        var body = ArticleMarkdown.ToPlainText("""
            ^^^
            ^^^ Thủ tướng tại Tokyo. Ảnh: TTXVN

            Thủ tướng gặp các doanh nghiệp Nhật Bản.

            ## Hợp tác mới

            Hai bên ký kết văn kiện.
            """);

        Assert.Equal("Sapo về chuyến thăm. Thủ tướng tại Tokyo. Ảnh: TTXVN. Thủ tướng gặp các doanh nghiệp <mark>Nhật Bản</mark>. " +
            "Hợp tác mới. Hai bên ký kết văn kiện.", For("nhat ban").Snippet("Sapo về chuyến thăm", body));
    }

    [Fact]
    public void Snippet_ShowsAPassageWithTheMatches_AndWhereItCut()
    {
        var text = string.Join(' ', Enumerable.Repeat("chữ", 100)) + " Nhật Bản " + string.Join(' ', Enumerable.Repeat("chữ", 100));
        var snippet = For("nhat ban").Snippet("", text, length: 80);
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Nhật Bản</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_OfAPhrase_ShowsWhereItStands()
    {
        var text = "Thanh long đầu mùa. " + string.Join(' ', Enumerable.Repeat("chữ", 100)) + " Giá sầu riêng thanh long tăng. " +
            string.Join(' ', Enumerable.Repeat("chữ", 100));
        var snippet = For("\"sầu riêng thanh long\"").Snippet("", text, length: 80);
        Assert.Contains("<mark>sầu riêng thanh long</mark>", snippet, StringComparison.Ordinal);
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_TypedWithDiacritics_ShowsThePassageWithTheWordAsTyped()
    {
        // Three folded matches ("động", "dòng", "đóng") early, the word as typed once, far later.
        var text = "Hoạt động của dòng người đóng góp. " + string.Join(' ', Enumerable.Repeat("chữ", 60)) + " Cộng đồng người Việt.";
        Assert.Contains("<mark>đồng</mark>", For("đồng").Snippet("", text, length: 80), StringComparison.Ordinal);
        // Typed without diacritics, every form is as good and the first passage wins.
        Assert.StartsWith("Hoạt <mark>động</mark>", For("dong").Snippet("", text, length: 80), StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_OfTextWithoutMatches_IsItsBeginning()
    {
        Assert.Equal("Một hai ba", For("xyz").Snippet("", "Một hai ba"));
        var text = string.Join(' ', Enumerable.Repeat("chữ", 100));
        Assert.Equal(string.Join(' ', Enumerable.Repeat("chữ", 20)) + " …", For("xyz").Snippet("", text, length: 80));
    }

    [Fact]
    public void Snippet_OfAPhraseFoundOnlyInTheTitle_IsTheTextsBeginning() =>
        Assert.Equal("Sapo. Thân bài có thanh và long.", For("\"thanh long\"").Snippet("Sapo", "Thân bài có thanh và long."));

    public void Dispose() => analyzer.Dispose();
}
