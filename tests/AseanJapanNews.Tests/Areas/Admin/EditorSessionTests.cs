using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>
/// Sessions are kept by the server: the cookie is only a key to a row, so signing out ends that session for every
/// copy of the cookie, and only that one.
/// </summary>
public sealed class EditorSessionTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_copied_cookie_is_refused_once_the_editor_signs_out()
    {
        var (editor, cookie) = await SignInWithCookieAsync(app, "sao-chep@tin.example.vn");
        using var copy = ClientWith(app, cookie);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(copy, "/admin/articles"));

        await SignOutAsync(editor);

        Assert.StartsWith("/admin/login", await RedirectOfAsync(copy, "/admin/articles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningOutOnOneDeviceLeavesTheEditorsOtherSessionWorking()
    {
        var laptop = await app.SignInAsync("hai-may@tin.example.vn");
        var phone = await app.SignInAsync("hai-may@tin.example.vn");

        await SignOutAsync(laptop);

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin/articles")).Status);
        Assert.StartsWith("/admin/login", await RedirectOfAsync(laptop.Client, "/admin/articles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsOpenSessionAtTheNextStampCheck()
    {
        const string email = "tat-phien@tin.example.vn";
        var editor = await app.SignInAsync(email);
        var admin = await app.SignInAsAdminAsync();
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct));
        await admin.PostWithTokenAsync($"/admin/editors/{id}/disable", new Dictionary<string, string>(), "/admin/editors");

        app.Clock.Now += TimeSpan.FromMinutes(2);

        Assert.StartsWith("/admin/login", await RedirectOfAsync(editor.Client, "/admin/articles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_outlives_a_restart_of_the_app_on_the_same_database()
    {
        using var shared = new TempFolder();
        string cookie;
        await using (var before = OnDatabase(shared.File("news.db")))
        {
            (_, cookie) = await SignInWithCookieAsync(before, "khoi-dong-lai@tin.example.vn");
        }

        await using var after = OnDatabase(shared.File("news.db"));
        using var client = ClientWith(after, cookie);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/admin/articles"));
    }

    [Fact]
    public async Task ExpiredSessionsAreRemoved_WhenTheNextOneIsStored()
    {
        // Its own app: the clock moves past the cookie lifetime.
        await using var own = new AdminAppFactory();
        await own.SignInAsync("het-han-1@tin.example.vn");
        await own.SignInAsync("het-han-2@tin.example.vn");
        var old = await SessionKeysAsync(own);
        Assert.Equal(2, old.Count);

        own.Clock.Now += TimeSpan.FromHours(9);
        await own.SignInAsync("het-han-1@tin.example.vn");

        var left = await SessionKeysAsync(own);
        Assert.Single(left);
        Assert.DoesNotContain(left.Single(), old);
    }

    private static AdminAppFactory OnDatabase(string databaseFile)
    {
        var factory = new AdminAppFactory();
        factory.Settings["News:DatabasePath"] = databaseFile;
        return factory;
    }

    private static Task<List<string>> SessionKeysAsync(AdminAppFactory factory) =>
        factory.WithDbAsync(db => db.EditorSessions.Select(s => s.Key).ToListAsync(Ct));

    /// <summary>Signs in through the form and returns the session with the auth cookie as the browser received it.</summary>
    private static async Task<(AdminSession Session, string Cookie)> SignInWithCookieAsync(AdminAppFactory factory, string email)
    {
        await factory.CreateAccountAsync(email, Roles.Editor);
        var session = new AdminSession(factory.Client());
        var login = await session.GetAsync("/admin/login");
        var fields = AdminSession.FieldsOf(AdminSession.FindForm(login, "/admin/login"));
        fields["Email"] = email;
        fields["Password"] = AdminAppFactory.Password;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await session.Client.PostAsync("/admin/login", content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(EditorSessionStore.CookieName + "=", StringComparison.Ordinal));
        return (session, setCookie.Split(';')[0]);
    }

    /// <summary>Another browser that sends exactly this cookie, as someone who copied it would.</summary>
    private static HttpClient ClientWith(AdminAppFactory factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task SignOutAsync(AdminSession session)
    {
        var result = await session.PostWithTokenAsync("/admin/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        return response.StatusCode;
    }

    private static async Task<string> RedirectOfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.PathAndQuery();
    }
}
