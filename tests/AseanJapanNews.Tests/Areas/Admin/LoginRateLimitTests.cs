using System.Net;
using AseanJapanNews.Tests.TestSupport;

namespace AseanJapanNews.Tests.Areas.Admin;

public sealed class LoginRateLimitFactory : NewsAppFactory
{
    public LoginRateLimitFactory() => Settings["News:LoginAttemptsPerMinute"] = "3";
}

public sealed class LoginRateLimitTests(LoginRateLimitFactory app) : IClassFixture<LoginRateLimitFactory>
{
    [Fact]
    public async Task TheFourthSignInAttemptWithinAMinuteFromOneAddressIsRefused_With429()
    {
        var session = new AdminSession(app.Client());
        var statuses = new List<HttpStatusCode>();
        FormResult last = null!;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            last = await session.SubmitAsync("/admin/login", new Dictionary<string, string?>
            {
                ["Email"] = "ai-do@tin.example.vn",
                ["Password"] = "doan-mo-mat-khau-" + attempt,
            });
            statuses.Add(last.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Quá nhiều lần đăng nhập", last.Page.Html, StringComparison.Ordinal);
    }
}

/// <summary>Its own app: the limit counts every attempt of the class, and TestServer gives every client one address.</summary>
public sealed class RateLimitPageTests(LoginRateLimitFactory app) : IClassFixture<LoginRateLimitFactory>
{
    [Fact]
    public async Task A_refused_sign_in_gets_the_sites_Vietnamese_error_page_with_when_to_try_again()
    {
        var session = new AdminSession(app.Client());
        var form = AdminSession.FieldsOf(AdminSession.FindForm(await session.GetAsync("/admin/login"), "/admin/login"));
        form["Email"] = "ai-khac@tin.example.vn";
        form["Password"] = "doan-mo-mat-khau";
        HttpResponseMessage response = null!;
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            response?.Dispose();
            response = await session.Client.PostAsync("/admin/login", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        }
        using var refused = response;
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = new HtmlPage(refused.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("vi", page.Lang);
        Assert.Equal("Quá nhiều lần thử", page.Text(".error-page h1"));
        Assert.Contains("Quá nhiều lần đăng nhập", page.Text(".error-page h1 + p"), StringComparison.Ordinal);
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(page.Document.QuerySelector("link[rel=canonical]"));
    }
}
