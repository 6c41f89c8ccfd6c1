using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>A fresh site has no account: the one-time link logged at start-up creates the first Admin.</summary>
public sealed class FirstRunSetupTests(NewsAppFactory app) : IClassFixture<NewsAppFactory>
{
    private string? Token => app.Services.GetRequiredService<FirstRunSetup>().Token;

    [Theory]
    [InlineData("/admin/setup?token=wrong")]
    [InlineData("/admin/setup")]
    public async Task TheSetupPageIsNotFound_WithoutTheRightToken(string url)
    {
        using var client = app.Client();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheSetupLinkCreatesASignedInAdminOnce_AndThenStopsWorking()
    {
        var token = Token;
        Assert.False(string.IsNullOrEmpty(token), "with no account, start-up offers a setup token");
        var visitor = new AdminSession(app.Client());

        var created = await visitor.SubmitAsync($"/admin/setup?token={token}", new Dictionary<string, string?>
        {
            ["Email"] = "dau-tien@tin.example.vn",
            ["DisplayName"] = "Quản trị đầu tiên",
            ["Password"] = AdminAppFactory.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/admin/editors")).Status);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            var admin = await users.FindByEmailAsync("dau-tien@tin.example.vn");
            Assert.NotNull(admin);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        }

        using var again = app.Client();
        using var reopened = await again.GetAsync($"/admin/setup?token={token}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, reopened.StatusCode);
        var second = await new AdminSession(app.Client()).PostWithTokenAsync("/admin/setup", new Dictionary<string, string>
        {
            ["Token"] = token!,
            ["Email"] = "ke-gian@tin.example.vn",
            ["Password"] = AdminAppFactory.Password,
        }, tokenPageUrl: "/admin/login");
        Assert.Equal(HttpStatusCode.NotFound, second.Status);
        Assert.Contains((await app.WithDbAsync(db => Task.FromResult(db.Audit.ToList()))), e => e.Action == "setup" && e.Actor == "dau-tien@tin.example.vn");
    }
}
