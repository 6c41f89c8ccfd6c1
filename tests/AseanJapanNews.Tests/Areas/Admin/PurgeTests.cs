using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>A purge is a deliberate takedown: the article's file must not bring it back.</summary>
public sealed class PurgeTests(AdminAppFactory app) : IClassFixture<AdminAppFactory>
{
    private const string LaunchSlug = "viet-nam-va-nhat-ban-tang-cuong-quan-he-doi-tac-chien-luoc-sau-rong";
    private const string LaunchFile = "articles/" + LaunchSlug + ".md";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task PurgeAsync(string slug)
    {
        var admin = await app.SignInAsAdminAsync();
        var id = await app.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync(Ct));
        var trashed = await admin.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/trash");
        Assert.Equal(HttpStatusCode.Redirect, trashed.Status);
        var purged = await admin.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>(), formAction: $"/admin/articles/{id}/purge");
        Assert.Equal(HttpStatusCode.Redirect, purged.Status);
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id, Ct)));
    }

    /// <summary>The site started again on the same database and content folder: migrations, then the start-up import.</summary>
    private AdminAppFactory Restarted()
    {
        var restarted = new AdminAppFactory();
        restarted.Settings["News:DatabasePath"] = app.DatabaseFile;
        restarted.Settings["News:ContentPath"] = app.Content.Root;
        return restarted;
    }

    [Fact]
    public async Task A_purged_imported_article_stays_gone_after_a_restart_imports_its_file_again()
    {
        await PurgeAsync(LaunchSlug);

        await using var restarted = Restarted();
        var status = await restarted.ReaderStatusAsync(LaunchSlug);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(await restarted.WithDbAsync(db => db.Articles.AnyAsync(a => a.OriginFile == LaunchFile || a.Slug == LaunchSlug, Ct)));
        await using var scope = restarted.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
            .ImportAsync(scope.ServiceProvider.GetRequiredService<NewsPaths>().ContentFolder, Ct);
        Assert.Equal((0, 0), (report.Added, report.Failed));
        Assert.Contains(LaunchFile, report.SkippedAsPurged);
    }

    [Fact]
    public async Task A_purged_file_whose_text_changed_afterwards_is_still_skipped()
    {
        const string file = "articles/thu-tuong-ket-noi-la-dong-luc-cho-hop-tac-asean-nhat.md";
        var slug = await app.WithDbAsync(db => db.Articles.Where(a => a.OriginFile == file).Select(a => a.Slug).SingleAsync(Ct));
        await PurgeAsync(slug);
        File.AppendAllText(Path.Combine(app.Content.Root, file), "\nĐoạn thêm vào tệp sau khi bài bị xóa.\n");

        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(app.Content.Root, Ct);

        Assert.Equal((0, 0, 0), (report.Added, report.Updated, report.Failed));
        Assert.Contains(file, report.SkippedAsPurged);
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.OriginFile == file, Ct)));
        Assert.Equal(HttpStatusCode.NotFound, await app.ReaderStatusAsync(slug));
    }
}
