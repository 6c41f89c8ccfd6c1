using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Search;

namespace AseanJapanNews.Tests.Search;

public class HighlighterTests
{
    [Fact]
    public void Mark_HighlightsTheTextAsWritten_WhicheverWayItWasTyped() =>
        Assert.Equal("Hội nghị tại <mark>Hà Nội</mark>", Highlighter.Mark("Hội nghị tại Hà Nội", SearchTerms.Parse("ha noi")));

    [Fact]
    public void Mark_FoldsDStroke() =>
        Assert.Equal("<mark>Đỉnh</mark> cao", Highlighter.Mark("Đỉnh cao", SearchTerms.Parse("dinh")));

    [Fact]
    public void Mark_EncodesEverythingButItsOwnMarks() =>
        Assert.Equal("&lt;b&gt;<mark>mèo</mark>&lt;/b&gt; &amp; chó", Highlighter.Mark("<b>mèo</b> & chó", SearchTerms.Parse("meo")));

    [Fact]
    public void Mark_MatchesWholeWordsOnly() =>
        Assert.Equal("Nhật Bản", Highlighter.Mark("Nhật Bản", SearchTerms.Parse("nha")));

    [Fact]
    public void Mark_HighlightsAPhraseOnlyWhereItsWordsFollowEachOther() =>
        Assert.Equal("sầu riêng, <mark>thanh long</mark> và long thanh",
            Highlighter.Mark("sầu riêng, thanh long và long thanh", SearchTerms.Parse("\"thanh long\"")));

    [Fact]
    public void Snippet_EndsEachParagraphAndCaption_SoNoneRunsIntoTheNext()
    {
        var text = "Sapo về chuyến thăm\n" + ArticleMarkdown.ToPlainText("""
            ^^^
            ^^^ Thủ tướng tại Tokyo. Ảnh: TTXVN

            Thủ tướng gặp các doanh nghiệp Nhật Bản.

            ## Hợp tác mới

            Hai bên ký kết văn kiện.
            """);

        var snippet = Highlighter.Snippet(text, SearchTerms.Parse("nhat ban"));

        Assert.Equal("Sapo về chuyến thăm. Thủ tướng tại Tokyo. Ảnh: TTXVN. Thủ tướng gặp các doanh nghiệp <mark>Nhật Bản</mark>. " +
            "Hợp tác mới. Hai bên ký kết văn kiện.", snippet);
    }

    [Fact]
    public void Snippet_CentresOnTheMatches_AndShowsWhereItCut()
    {
        var text = string.Join(' ', Enumerable.Repeat("chữ", 100)) + " Nhật Bản " + string.Join(' ', Enumerable.Repeat("chữ", 100));
        var snippet = Highlighter.Snippet(text, SearchTerms.Parse("nhat ban"), wordCount: 20);
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Nhật Bản</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_TypedWithDiacritics_ShowsThePassageWithTheWordAsTyped()
    {
        // Three folded matches ("động", "dòng", "đóng") early, the word as typed once, far later.
        var text = "Hoạt động của dòng người đóng góp. " + string.Join(' ', Enumerable.Repeat("chữ", 60)) + " Cộng đồng người Việt.";
        Assert.Contains("<mark>đồng</mark>", Highlighter.Snippet(text, SearchTerms.Parse("đồng"), wordCount: 20), StringComparison.Ordinal);
        // Typed without diacritics, every form is as good and the densest passage wins.
        Assert.StartsWith("Hoạt <mark>động</mark>", Highlighter.Snippet(text, SearchTerms.Parse("dong"), wordCount: 20), StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_OfTextWithoutMatches_IsItsBeginning() =>
        Assert.Equal("Một hai ba", Highlighter.Snippet("Một hai ba", SearchTerms.Parse("xyz")));
}
