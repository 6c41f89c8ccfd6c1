using System.Net;
using System.Text.RegularExpressions;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>Admins create accounts, change roles and reset passwords through /admin/editors.</summary>
public sealed partial class EditorAccountTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<string> IdOfAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct));

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task AdminCreatesAnEditorAccountThatCanThenSignIn()
    {
        var admin = await app.SignInAsAdminAsync();

        var created = await admin.SubmitAsync("/admin/editors", new Dictionary<string, string?>
        {
            ["NewAccount.Email"] = "moi@tin.example.vn",
            ["NewAccount.DisplayName"] = "Phóng viên Mới",
            ["NewAccount.Password"] = AdminAppFactory.Password,
            ["NewAccount.Role"] = Roles.Editor,
        }, formAction: "/admin/editors");

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal([Roles.Editor], await RolesOfAsync("moi@tin.example.vn"));
        var list = await admin.GetAsync("/admin/editors");
        Assert.Contains("Đã tạo tài khoản moi@tin.example.vn", list.BodyText, StringComparison.Ordinal);
        var session = new AdminSession(app.Client());
        var signIn = await session.SubmitAsync("/admin/login", new Dictionary<string, string?> { ["Email"] = "moi@tin.example.vn", ["Password"] = AdminAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        Assert.Contains(await app.AuditAsync(), e => e.Action == "editor-create" && e.Subject == "moi@tin.example.vn");
    }

    [Fact]
    public async Task CreatingAnAccount_WithAShortPasswordSaysWhyInVietnamese_AndCreatesNothing()
    {
        var admin = await app.SignInAsAdminAsync();

        await admin.SubmitAsync("/admin/editors", new Dictionary<string, string?>
        {
            ["NewAccount.Email"] = "ngan@tin.example.vn",
            ["NewAccount.Password"] = "ngan",
            ["NewAccount.Role"] = Roles.Editor,
        }, formAction: "/admin/editors");

        var list = await admin.GetAsync("/admin/editors");
        Assert.Contains("Mật khẩu cần từ 10", list.BodyText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "ngan@tin.example.vn", Ct)));
    }

    [Fact]
    public async Task AnEmailOver256CharactersIsRefusedInVietnamese()
    {
        var admin = await app.SignInAsAdminAsync();
        var email = new string('a', 250) + "@tin.example.vn";

        await admin.SubmitAsync("/admin/editors", new Dictionary<string, string?>
        {
            ["NewAccount.Email"] = email,
            ["NewAccount.Password"] = AdminAppFactory.Password,
            ["NewAccount.Role"] = Roles.Editor,
        }, formAction: "/admin/editors");

        var list = await admin.GetAsync("/admin/editors");
        Assert.Contains("Email tối đa 256 ký tự.", list.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("The field", list.BodyText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email, Ct)));
    }

    [Fact]
    public async Task AdminChangesAnEditorsRoleToAdmin()
    {
        await app.CreateAccountAsync("len-chuc@tin.example.vn", Roles.Editor);
        var admin = await app.SignInAsAdminAsync();
        var id = await IdOfAsync("len-chuc@tin.example.vn");

        var changed = await admin.PostWithTokenAsync($"/admin/editors/{id}/role", new Dictionary<string, string> { ["role"] = Roles.Admin }, "/admin/editors");

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal([Roles.Admin], await RolesOfAsync("len-chuc@tin.example.vn"));
    }

    [Fact]
    public async Task AdminResetsAPasswordTheNewOneIsShownOnce_AndTheOldOneStopsWorking()
    {
        await app.CreateAccountAsync("quen@tin.example.vn", Roles.Editor);
        var admin = await app.SignInAsAdminAsync();
        var id = await IdOfAsync("quen@tin.example.vn");

        await admin.PostWithTokenAsync($"/admin/editors/{id}/password", new Dictionary<string, string>(), "/admin/editors");
        var shown = NewPassword().Match((await admin.GetAsync("/admin/editors")).BodyText);
        Assert.True(shown.Success, "the new password is shown to the admin");

        var withOld = await new AdminSession(app.Client()).SubmitAsync("/admin/login", new Dictionary<string, string?> { ["Email"] = "quen@tin.example.vn", ["Password"] = AdminAppFactory.Password });
        var withNew = await new AdminSession(app.Client()).SubmitAsync("/admin/login", new Dictionary<string, string?> { ["Email"] = "quen@tin.example.vn", ["Password"] = shown.Groups[1].Value });
        Assert.Equal(HttpStatusCode.OK, withOld.Status);
        Assert.Equal(HttpStatusCode.Redirect, withNew.Status);
        Assert.DoesNotContain(shown.Groups[1].Value, (await admin.GetAsync("/admin/editors")).BodyText, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Mật khẩu mới \(chỉ hiện một lần\): (\S+)")]
    private static partial Regex NewPassword();
}
