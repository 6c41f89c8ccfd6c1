using AseanJapanNews.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AseanJapanNews.Tests.Controllers;

/// <summary>What the responses say about the server and the transport: no server banner; HSTS and Secure cookies on HTTPS.</summary>
public sealed class TransportSecurityTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private HttpClient ClientFor(string origin) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(origin) });

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/khong-co")]
    [InlineData("/css/site.css")]
    [InlineData("/admin/login")]
    public async Task NoResponse_NamesTheServer(string url)
    {
        using var response = await ClientFor("https://tin.example.vn").GetAsync(url, TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task OverHttps_BrowsersAreToldToStayOnHttps()
    {
        using var response = await ClientFor("https://tin.example.vn").GetAsync("/", TestContext.Current.CancellationToken);

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverPlainHttp_ThereIsNoHsts()
    {
        using var response = await ClientFor("http://tin.example.vn").GetAsync("/", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https://tin.example.vn", true)]
    [InlineData("http://localhost", false)]
    public async Task TheSignInAndAntiforgeryCookies_AreSecure_OnlyOverHttps(string origin, bool secure)
    {
        var email = $"cookie-{secure}@tin.example.vn";
        await app.CreateAccountAsync(email, AseanJapanNews.Web.Data.Roles.Editor);
        using var client = ClientFor(origin);
        using var form = await client.GetAsync("/admin/login", TestContext.Current.CancellationToken);
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html)
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent([new("Email", email), new("Password", AdminAppFactory.Password), new("__RequestVerificationToken", token)]);

        using var signedIn = await client.PostAsync("/admin/login", body, TestContext.Current.CancellationToken);

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("ajn.auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Equal(secure, c.Contains("; secure", StringComparison.OrdinalIgnoreCase)));
    }
}
