using AseanJapanNews.Web.Search;

namespace AseanJapanNews.Tests.Search;

public class SearchTermsTests
{
    private static List<string> Terms(string text) =>
        SearchTerms.Parse(text).Terms.Select(t => (t.Quoted ? "\"" : "") + string.Join(' ', t.Words)).ToList();

    [Fact]
    public void Parse_SplitsBareWords_AndKeepsQuotedPhrasesTogether() =>
        Assert.Equal(["\"đối tác chiến lược", "nhật", "bản"], Terms("\"Đối tác  chiến lược\" Nhật Bản"));

    [Fact]
    public void Parse_TreatsALoneQuote_AsASeparator() =>
        Assert.Equal(["nhật", "bản"], Terms("Nhật \"Bản"));

    [Fact]
    public void Parse_DropsPunctuationAndOperators_KeepingWordsTheyTouch()
    {
        Assert.Equal(["nhat", "ban"], Terms("(nhat* -ban)"));
        Assert.Equal(["covid 19"], Terms("Covid-19"));
        Assert.Equal(["near", "and"], Terms("NEAR AND near"));
        Assert.Empty(Terms("* - ( ) \" ^ : {}"));
    }

    [Fact]
    public void Parse_ComposesDecomposedInput() =>
        Assert.Equal(["hội"], Terms("Ho\u0302\u0323i"));

    [Fact]
    public void Parse_CutsLongQueriesBetweenWords_AndSaysSo()
    {
        var terms = SearchTerms.Parse(string.Concat(Enumerable.Repeat("nhật bản ", 100)));
        Assert.True(terms.Truncated);
        Assert.True(terms.Text.Length <= SearchTerms.MaxLength);
        Assert.Equal(["nhật", "bản"], terms.Terms.Select(t => t.Words[0]));
    }

    [Fact]
    public void HasDiacritics_OnlyWhenTheReaderTypedMarks()
    {
        Assert.True(SearchTerms.Parse("Nhật").HasDiacritics);
        Assert.True(SearchTerms.Parse("đinh").HasDiacritics);
        Assert.False(SearchTerms.Parse("nhat ban").HasDiacritics);
        Assert.False(SearchTerms.Parse("岸田文雄").HasDiacritics);
    }
}
