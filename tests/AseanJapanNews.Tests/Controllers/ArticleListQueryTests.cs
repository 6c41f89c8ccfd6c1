using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AseanJapanNews.Tests.Controllers;

public class ArticleListQueryTests
{
    private static (ArticleListQuery? Query, string? Error) Parse(string queryString) =>
        ArticleListQueryString.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)));

    private static string ErrorOf(string queryString)
    {
        var (query, error) = Parse(queryString);
        Assert.Null(query);
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public void Parse_GivesTheFirstUnfilteredPage_ForAnEmptyQuery()
    {
        var (query, error) = Parse("");
        Assert.Null(error);
        Assert.Equal(1, query!.Page);
        Assert.Empty(query.Tags);
        Assert.Null(query.From);
        Assert.Null(query.To);
        Assert.False(query.HasFilters);
    }

    [Fact]
    public void Parse_ReadsEveryFilterTogether()
    {
        var (query, error) = Parse("?tag=asean&tag=nhat-ban&from=2023-11-01&to=2023-12-31&page=2");
        Assert.Null(error);
        Assert.Equal(["asean", "nhat-ban"], query!.Tags);
        Assert.Equal(new DateOnly(2023, 11, 1), query.From);
        Assert.Equal(new DateOnly(2023, 12, 31), query.To);
        Assert.Equal(2, query.Page);
        Assert.True(query.HasFilters);
    }

    [Theory]
    [InlineData("?from=2023-12-17&to=2023-12-17")]
    [InlineData("?from=2023-12-17")]
    [InlineData("?to=2023-12-17")]
    [InlineData("?page=100000")]
    public void Parse_AcceptsGoodValues(string queryString) => Assert.Null(Parse(queryString).Error);

    [Fact]
    public void Parse_DropsRepeatedAndBlankTags()
    {
        var (query, _) = Parse("?tag=asean&tag=asean&tag=&tag=%20nhat-ban%20");
        Assert.Equal(["asean", "nhat-ban"], query!.Tags);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("+2")]
    [InlineData("100001")]
    [InlineData("99999999999999999999")]
    public void Parse_RejectsABadPage_SayingWhichValue(string page)
    {
        var error = ErrorOf($"?page={Uri.EscapeDataString(page)}");
        Assert.Contains("Số trang", error, StringComparison.Ordinal);
        Assert.Contains(page, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClipsAnAbsurdlyLongValue_InItsMessage()
    {
        var error = ErrorOf("?page=" + new string('9', 500));
        Assert.True(error.Length < 200, error);
    }

    [Theory]
    [InlineData("from", "2023-13-45", "từ ngày")]
    [InlineData("to", "2023-02-30", "đến ngày")]
    [InlineData("from", "17/12/2023", "từ ngày")]
    [InlineData("to", "hôm nay", "đến ngày")]
    [InlineData("from", "99999-01-01", "từ ngày")]
    public void Parse_RejectsAnImpossibleDate_SayingWhichOne(string key, string value, string label)
    {
        var error = ErrorOf($"?{key}={Uri.EscapeDataString(value)}");
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.Contains(label, error, StringComparison.Ordinal);
        Assert.Contains("2023-12-17", error, StringComparison.Ordinal); // shows the expected form
    }

    [Theory]
    [InlineData("from", "0001-01-01")]
    [InlineData("to", "9999-12-31")]
    [InlineData("from", "1899-12-31")]
    [InlineData("to", "2101-01-01")]
    public void Parse_RejectsADateOutsideTheYearsTheSiteCovers(string key, string value)
    {
        var error = ErrorOf($"?{key}={value}");
        Assert.Contains("1900–2100", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsFromAfterTo_NamingBothDays()
    {
        var error = ErrorOf("?from=2023-12-18&to=2023-12-17");
        Assert.Contains("18/12/2023", error, StringComparison.Ordinal);
        Assert.Contains("17/12/2023", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsMoreTagsThanTheLimit()
    {
        var query = string.Join('&', Enumerable.Range(1, ArticleListQueryString.MaxTags + 1).Select(i => $"tag=chu-de-{i}"));
        Assert.Contains($"tối đa {ArticleListQueryString.MaxTags} chủ đề", ErrorOf("?" + query), StringComparison.Ordinal);
        Assert.Null(Parse("?" + string.Join('&', Enumerable.Range(1, ArticleListQueryString.MaxTags).Select(i => $"tag=chu-de-{i}"))).Error);
    }

    [Fact]
    public void ToRouteValues_ReproducesTheQueryOnAnotherPage()
    {
        var query = Parse("?tag=asean&tag=nhat-ban&from=2023-11-01&to=2023-12-31&page=2").Query!;
        var values = query.ToRouteValues(3);
        Assert.Equal(["asean", "nhat-ban"], values["tag"]);
        Assert.Equal(["2023-11-01"], values["from"]);
        Assert.Equal(["2023-12-31"], values["to"]);
        Assert.Equal(["3"], values["page"]);
        Assert.False(query.ToRouteValues(1).ContainsKey("page"));
    }
}
