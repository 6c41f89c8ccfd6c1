using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>Wrong addresses and bad input get a Vietnamese page with the right status, never a 500 or a stack trace.</summary>
public sealed class ErrorPageTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    private static readonly string[] TraceMarkers = ["Exception", "   at ", "StackTrace", ".cs:line", "AseanJapanNews.Web."];

    private async Task<HtmlPage> GetAsync(string url) => await HtmlPage.GetAsync(app.Client(), url);

    private static void AssertReaderErrorPage(HtmlPage page)
    {
        Assert.Equal("vi", page.Lang);
        Assert.Contains("text/html", page.Document.ContentType ?? "text/html", StringComparison.Ordinal);
        Assert.Equal("/", page.Document.QuerySelector(".error-page a")?.GetAttribute("href"));
        Assert.All(TraceMarkers, marker => Assert.DoesNotContain(marker, page.Html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/articles/khong-co-bai-nay", "Không tìm thấy bài viết này.")]
    [InlineData("/tags/khong-co-chu-de", "Không có chủ đề này.")]
    [InlineData("/articles?tag=khong-co-chu-de", "Không có chủ đề “khong-co-chu-de”.")]
    [InlineData("/articles?tag=asean&tag=khong-co", "Không có chủ đề “khong-co”.")]
    [InlineData("/?page=2", "Trang này không có bài viết nào.")]
    [InlineData("/articles?page=2", "Trang này không có bài viết nào.")]
    [InlineData("/tags/asean?page=9", "Trang này không có bài viết nào.")]
    [InlineData("/archive/2023/12?page=2", "Trang này không có bài viết nào.")]
    [InlineData("/trang-khong-ton-tai", "Trang bạn tìm không tồn tại hoặc đã bị gỡ.")]
    [InlineData("/articles/ky-niem/them", "Trang bạn tìm không tồn tại hoặc đã bị gỡ.")]
    public async Task UnknownPage_AnswersNotFound_InVietnamese(string url, string message)
    {
        var page = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Không tìm thấy trang", page.Text(".error-page h1"));
        Assert.Equal(message, page.Text(".error-page h1 + p"));
        Assert.StartsWith("Không tìm thấy trang | ", page.Document.Title, StringComparison.Ordinal);
        AssertReaderErrorPage(page);
    }

    [Fact]
    public async Task Numbers_AreWrittenTheVietnameseWay_NotInTheServerLocale()
    {
        // The test process runs in the invariant culture (C.UTF-8), which writes 100,000.
        Assert.Contains("trang phải là số nguyên từ 1 đến 100.000.", (await GetAsync("/?page=0")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?page=0", "Số trang “0” không hợp lệ")]
    [InlineData("/articles?page=abc", "Số trang “abc” không hợp lệ")]
    [InlineData("/articles?page=-3", "Số trang “-3” không hợp lệ")]
    [InlineData("/articles?page=99999999999", "Số trang “99999999999” không hợp lệ")]
    [InlineData("/articles?from=2023-13-45", "Ngày “2023-13-45” (từ ngày) không hợp lệ")]
    [InlineData("/articles?to=2023-02-30", "Ngày “2023-02-30” (đến ngày) không hợp lệ")]
    [InlineData("/articles?from=2023-12-18&to=2023-12-17", "Ngày bắt đầu (18/12/2023) ở sau ngày kết thúc (17/12/2023).")]
    [InlineData("/articles?from=99999-01-01", "Ngày “99999-01-01” (từ ngày) không hợp lệ")]
    [InlineData("/articles?to=0001-01-01", "nằm ngoài khoảng 1900–2100")]
    [InlineData("/tags/asean?page=0", "Số trang “0” không hợp lệ")]
    [InlineData("/tags/asean?from=hom-qua", "Ngày “hom-qua” (từ ngày) không hợp lệ")]
    [InlineData("/archive/99999", "Năm “99999” không hợp lệ: năm phải từ 1900 đến 2100.")]
    [InlineData("/archive/abc", "Năm “abc” không hợp lệ")]
    [InlineData("/archive/2023/13", "Tháng “13” không hợp lệ: tháng phải từ 1 đến 12.")]
    [InlineData("/archive/2023/0", "Tháng “0” không hợp lệ")]
    [InlineData("/archive/2023?page=abc", "Số trang “abc” không hợp lệ")]
    [InlineData("/archive/2023/12?from=2023-12-01", "Trang lưu trữ đã chọn sẵn khoảng thời gian")]
    public async Task BadInput_AnswersBadRequest_SayingWhatWasWrongInVietnamese(string url, string message)
    {
        var page = await GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Yêu cầu không hợp lệ", page.Text(".error-page h1"));
        Assert.Contains(message, page.Text(".error-page h1 + p"), StringComparison.Ordinal);
        AssertReaderErrorPage(page);
    }

    [Fact]
    public async Task TooManyTags_AnswersBadRequest()
    {
        var page = await GetAsync("/articles?" + string.Join('&', Enumerable.Range(1, 6).Select(i => $"tag=t{i}")));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("tối đa 5 chủ đề", page.Text(".error-page"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequestPage_EscapesWhatTheReaderTyped()
    {
        var page = await GetAsync("/articles?page=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        Assert.Contains("<script>alert(1)</script>", page.Text(".error-page"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/trang-khong-ton-tai")]
    [InlineData("PUT", "/trang-khong-ton-tai")]
    [InlineData("DELETE", "/articles/ky-niem/them")]
    [InlineData("POST", "/admin/khong-co")]
    [InlineData("PATCH", "/wp-login.php")]
    public async Task UnknownAddress_AnswersNotFound_WhateverTheMethod(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("") };
        using var response = await app.Client().SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/articles")]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/feed.xml")]
    [InlineData("POST", "/tags/asean")]
    public async Task KnownAddress_RefusesAnotherMethod_With405(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("") };
        using var response = await app.Client().SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Phương thức không được hỗ trợ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostToAReaderPage_IsRefused_WithAVietnamesePage()
    {
        using var response = await app.Client().PostAsync("/articles", new StringContent(""), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
