using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;

namespace AseanJapanNews.Tests.Areas.Admin;

public sealed class SignInTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static Dictionary<string, string?> Credentials(string email, string password) =>
        new() { ["Email"] = email, ["Password"] = password };

    [Fact]
    public async Task AnAnonymousVisitorOfTheArticleListIsSentToSignIn()
    {
        using var client = app.Client();

        using var response = await client.GetAsync("/admin/articles", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/admin/login?ReturnUrl=", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/admin/articles"), location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/articles/new")]
    [InlineData("/admin/articles/1")]
    [InlineData("/admin/editors")]
    [InlineData("/admin/audit")]
    public async Task EveryAdminPageRequiresSignIn(string url)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningIn_WithAForeignReturnUrlLandsOnTheArticleListNotTheOtherSite()
    {
        await app.CreateAccountAsync("redirect1@tin.example.vn", Roles.Editor);
        var session = new AdminSession(app.Client());

        var result = await session.SubmitAsync("/admin/login?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/steal"),
            Credentials("redirect1@tin.example.vn", AdminAppFactory.Password));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/admin/articles", result.Location);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("/articles/khong-phai-admin")]
    public async Task SigningInNeverRedirectsOutsideTheAdminArea(string returnUrl)
    {
        var email = $"redirect-{Guid.NewGuid():N}@tin.example.vn";
        await app.CreateAccountAsync(email, Roles.Editor);
        var session = new AdminSession(app.Client());

        var result = await session.SubmitAsync("/admin/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            Credentials(email, AdminAppFactory.Password));

        Assert.Equal("/admin/articles", result.Location);
    }

    [Fact]
    public async Task SigningIn_WithAnAdminReturnUrlGoesBackThere()
    {
        await app.CreateAccountAsync("redirect2@tin.example.vn", Roles.Editor);
        var session = new AdminSession(app.Client());

        var result = await session.SubmitAsync("/admin/login?ReturnUrl=" + Uri.EscapeDataString("/admin/articles/new"),
            Credentials("redirect2@tin.example.vn", AdminAppFactory.Password));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/admin/articles/new", result.Location);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin/articles/new")).Status);
    }

    [Theory]
    [InlineData(257, 10, "Email tối đa 256 ký tự.")]
    [InlineData(20, 201, "Mật khẩu tối đa 200 ký tự.")]
    public async Task AnOverlongEmail_OrPasswordIsRefusedInVietnamese(int emailLength, int passwordLength, string message)
    {
        var email = new string('a', emailLength - "@tin.example.vn".Length) + "@tin.example.vn";
        var session = new AdminSession(app.Client());

        var result = await session.SubmitAsync("/admin/login", Credentials(email, new string('m', passwordLength)));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.Page.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", result.Page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightOneIsRefused()
    {
        const string email = "lockout@tin.example.vn";
        await app.CreateAccountAsync(email, Roles.Editor);
        var session = new AdminSession(app.Client());

        FormResult last = null!;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last = await session.SubmitAsync("/admin/login", Credentials(email, "sai-mat-khau-" + attempt));
            Assert.Equal(HttpStatusCode.OK, last.Status);
        }
        var right = await session.SubmitAsync("/admin/login", Credentials(email, AdminAppFactory.Password));

        Assert.Contains("bị khóa", last.Page.Text(".errors"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains("bị khóa", right.Page.Text(".errors"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/admin/articles", TestContext.Current.CancellationToken)).StatusCode);
        var audit = (await app.AuditAsync()).Where(e => e.Actor == email).Select(e => e.Action).ToList();
        Assert.Equal(4, audit.Count(a => a == "sign-in-failed"));
        Assert.Contains("lockout", audit);
        Assert.DoesNotContain("sign-in", audit);
    }

    [Fact]
    public async Task A_locked_account_and_an_address_without_one_get_the_same_answer()
    {
        const string email = "khoa-cung@tin.example.vn";
        await app.CreateAccountAsync(email, Roles.Editor);
        var session = new AdminSession(app.Client());
        FormResult locked = null!, nobody = null!;
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            locked = await session.SubmitAsync("/admin/login", Credentials(email, "sai-" + attempt));
            nobody = await session.SubmitAsync("/admin/login", Credentials("khong-ai@tin.example.vn", "sai-" + attempt));
        }

        Assert.Contains("lockout", (await app.AuditAsync()).Where(e => e.Actor == email).Select(e => e.Action));
        Assert.Equal(nobody.Page.Text(".errors"), locked.Page.Text(".errors"));
    }

    [Fact]
    public async Task A_wrong_password_says_so_in_Vietnamese_and_keeps_the_email()
    {
        await app.CreateAccountAsync("typo@tin.example.vn", Roles.Editor);
        var session = new AdminSession(app.Client());

        var result = await session.SubmitAsync("/admin/login", Credentials("typo@tin.example.vn", "khong-dung-dau"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Email hoặc mật khẩu không đúng", result.Page.Text(".errors"), StringComparison.Ordinal);
        Assert.Equal("typo@tin.example.vn", AdminSession.FieldsOf(AdminSession.FindForm(result.Page, "/admin/login"))["Email"]);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        const string email = "disabled@tin.example.vn";
        await app.CreateAccountAsync(email, Roles.Editor);
        var admin = await app.SignInAsAdminAsync();
        var id = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));
        await admin.PostWithTokenAsync($"/admin/editors/{id}/disable", new Dictionary<string, string>(), "/admin/editors");

        var result = await new AdminSession(app.Client()).SubmitAsync("/admin/login", Credentials(email, AdminAppFactory.Password));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("vô hiệu hóa", result.Page.Text(".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_saves_nothing()
    {
        var session = await app.SignInAsEditorAsync();

        var result = await session.PostAsync("/admin/articles/new", new Dictionary<string, string>
        {
            ["Form.Title"] = "Bài giả mạo không có mã chống giả",
            ["Form.Body"] = "Nội dung.",
            ["submit"] = "publish",
        });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Articles.Any(a => a.Title == "Bài giả mạo không có mã chống giả"))));
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryTokenIsRejected()
    {
        var session = await app.SignInAsEditorAsync();

        var result = await session.PostAsync("/admin/logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin/articles")).Status);
    }

    [Fact]
    public async Task AnEditorCannotOpenTheAccountPages_OrTheAuditLog()
    {
        var editor = await app.SignInAsEditorAsync();

        foreach (var url in new[] { "/admin/editors", "/admin/audit" })
        {
            using var response = await editor.Client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden ||
                (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery().StartsWith("/admin/denied", StringComparison.Ordinal)),
                $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task AnAdminOpensTheAccountPages_AndTheAuditLog()
    {
        var admin = await app.SignInAsAdminAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/editors")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/audit")).Status);
    }

    [Fact]
    public async Task TheDeniedPageAnswers403InVietnamese()
    {
        var editor = await app.SignInAsEditorAsync();

        var page = await editor.GetAsync("/admin/denied");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Không có quyền", page.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuthCookieIsHttpOnly_AndSameSite()
    {
        await app.CreateAccountAsync("cookie@tin.example.vn", Roles.Editor);
        var session = new AdminSession(app.Client());
        var login = await session.GetAsync("/admin/login");
        var fields = AdminSession.FieldsOf(AdminSession.FindForm(login, "/admin/login"));
        fields["Email"] = "cookie@tin.example.vn";
        fields["Password"] = AdminAppFactory.Password;

        using var content = new FormUrlEncodedContent(fields);
        using var response = await session.Client.PostAsync("/admin/login", content, TestContext.Current.CancellationToken);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(EditorSessionStore.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

internal static class UriExtensions
{
    /// <summary>Path and query of an absolute or relative redirect target.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
