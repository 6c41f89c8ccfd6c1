using System.Net;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// The app with accounts: creates them through the app's own AccountService and signs in through the real
/// /admin/login form. The per-address login limit is raised so that a class of tests signing in many times
/// within a minute is not throttled (the limit itself is tested with its own factory).
/// </summary>
public class AdminAppFactory : NewsAppFactory
{
    public const string Password = "mat-khau-du-dai-123";

    public AdminAppFactory()
    {
        Settings["News:LoginAttemptsPerMinute"] = "1000";
    }

    public async Task CreateAccountAsync(string email, string role, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, email.Split('@')[0], password, role);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>Creates the account when it does not exist yet, and signs in as it in a new session.</summary>
    public async Task<AdminSession> SignInAsync(string email, string role = Roles.Editor)
    {
        if (!await WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email, TestContext.Current.CancellationToken)))
        {
            await CreateAccountAsync(email, role);
        }
        var session = new AdminSession(Client());
        var result = await session.SubmitAsync("/admin/login", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = Password });
        Assert.True(result.Status == HttpStatusCode.Redirect, $"signing in as {email} failed:\n{result.Page.BodyText}");
        return session;
    }

    public Task<AdminSession> SignInAsAdminAsync() => SignInAsync("admin@tin.example.vn", Roles.Admin);

    public Task<AdminSession> SignInAsEditorAsync() => SignInAsync("bientap@tin.example.vn", Roles.Editor);

    public Task<Article> ArticleAsync(int id) => WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags)
        .SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken));

    public Task<List<ArticleRevision>> RevisionsAsync(int id) => WithDbAsync(db => db.Revisions.AsNoTracking()
        .Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync(TestContext.Current.CancellationToken));

    public Task<List<AuditEntry>> AuditAsync() => WithDbAsync(db => db.Audit.AsNoTracking()
        .OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>What a reader gets for <c>/articles/{slug}</c>.</summary>
    public async Task<HttpStatusCode> ReaderStatusAsync(string slug)
    {
        using var client = Client();
        using var response = await client.GetAsync($"/articles/{slug}", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

/// <summary>Article form fields as the edit page names them.</summary>
public static class ArticleFields
{
    public static Dictionary<string, string?> Of(
        string title, string? body = "Đoạn mở đầu của bài.", string? slug = null, string? tags = null,
        string? date = null, string? time = null, string? summary = null)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Form.Title"] = title,
            ["Form.Body"] = body,
            ["Form.Summary"] = summary ?? $"Sapo của {title}",
        };
        if (slug is not null) { fields["Form.Slug"] = slug; }
        if (tags is not null) { fields["Form.Tags"] = tags; }
        if (date is not null) { fields["Form.PublishDate"] = date; }
        if (time is not null) { fields["Form.PublishTime"] = time; }
        return fields;
    }
}
