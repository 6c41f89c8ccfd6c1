using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web;
using AseanJapanNews.Web.Backup;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Backup;

/// <summary>
/// A backup taken while editors save holds every save acknowledged before it began, and restored into a fresh
/// folder it serves them, with the editor still signed in (the key ring and the session came along).
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly AdminAppFactory site = new();
    private readonly TempFolder temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        temp.Dispose();
    }

    /// <summary>Cookies the test can read and carry to another site.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        public System.Net.CookieContainer Cookies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = Cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    Cookies.SetCookies(request.RequestUri!, value);
                }
            }
            return response;
        }
    }

    private static readonly Uri Base = new("http://localhost");

    private static async Task<AdminSession> SignInAsync(AdminAppFactory app, CookieJar jar)
    {
        var session = new AdminSession(app.CreateDefaultClient(Base, jar));
        var result = await session.SubmitAsync("/admin/login", new Dictionary<string, string?> { ["Email"] = "bientap@tin.example.vn", ["Password"] = AdminAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        return session;
    }

    [Fact]
    public async Task ABackupDuringSaves_HoldsEveryAcknowledgedSave_AndRestoresWithTheEditorSignedIn()
    {
        await site.CreateAccountAsync("bientap@tin.example.vn", Roles.Editor);
        var jar = new CookieJar();
        var editor = await SignInAsync(site, jar);
        var acknowledged = new List<string>();
        var saving = true;
        var saves = Task.Run(async () =>
        {
            for (var i = 0; saving && i < 500; i++)
            {
                var title = $"Bài lưu trong lúc sao lưu số {i}";
                var saved = await editor.SubmitAsync("/admin/articles/new", ArticleFields.Of(title), button: "publish");
                if (saved.Status == HttpStatusCode.Redirect)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(title);
                    }
                }
            }
        }, Ct);
        while (acknowledged.Count < 5)
        {
            await Task.Delay(20, Ct);
        }

        string[] before;
        lock (acknowledged)
        {
            before = [.. acknowledged];
        }
        var folder = temp.File("backup");
        var manifest = await site.Services.GetRequiredService<SiteBackup>().TakeAsync(folder, Ct);
        await Task.Delay(200, Ct);
        saving = false;
        await saves;

        Assert.True(acknowledged.Count > before.Length, "saves went on while the backup ran");
        Assert.True(manifest.KeyFiles > 0);
        Assert.Equal(5, manifest.ContentFiles - Directory.GetFiles(Path.Combine(site.Content.Root, "cleaning")).Length);

        // Restore into a fresh folder, as on a new machine, and start a site there.
        var freshDatabase = temp.File("fresh/App_Data/news.db");
        var freshPaths = new NewsPaths(freshDatabase, site.Content.Root);
        var (restored, movedAside) = await new SiteBackup(freshPaths, TimeProvider.System).RestoreAsync(folder, withContent: false, Ct);
        Assert.Empty(movedAside);
        Assert.Equal(manifest, restored);

        await using var second = new AdminAppFactory();
        second.Settings["News:DatabasePath"] = freshDatabase;
        var titles = await second.WithDbAsync(db => db.Articles.Select(a => a.Title).ToListAsync(Ct));
        Assert.All(before, title => Assert.Contains(title, titles));
        Assert.Equal(manifest.Articles, titles.Count);

        // The same cookie, on the restored site: the key ring decrypts it and the session row is there.
        var carried = new CookieJar();
        carried.Cookies.Add(jar.Cookies.GetAllCookies());
        var page = await new AdminSession(second.CreateDefaultClient(Base, carried)).GetAsync("/admin/articles");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        // And search finds a restored article: the index, left out of the backup, was rebuilt at start-up.
        var search = await HtmlPage.GetAsync(second.Client(), "/search?q=" + Uri.EscapeDataString(before[0]));
        Assert.Contains(search.Document.QuerySelectorAll(".search-results .article-card"), card => card.TextContent.Contains(before[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_IsRefused_WhileTheSiteRuns_AndNothingMoves()
    {
        using var client = site.Client();
        await client.GetAsync("/", Ct);
        var folder = temp.File("backup");
        var backup = site.Services.GetRequiredService<SiteBackup>();
        await backup.TakeAsync(folder, Ct);

        var refused = await Assert.ThrowsAsync<BackupException>(() => backup.RestoreAsync(folder, withContent: false, Ct));

        Assert.Contains("đang chạy", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(site.DatabaseFile)!, "*.before-restore-*"));
    }

    [Fact]
    public async Task Restore_RefusesABrokenCopy_BeforeMovingAnything()
    {
        using var client = site.Client();
        await client.GetAsync("/", Ct);
        var folder = temp.File("backup");
        await site.Services.GetRequiredService<SiteBackup>().TakeAsync(folder, Ct);
        var copy = Path.Combine(folder, SiteBackup.DatabaseName);
        var bytes = await File.ReadAllBytesAsync(copy, Ct);
        Array.Fill(bytes, (byte)0x5A, 4096, 4096);
        await File.WriteAllBytesAsync(copy, bytes, Ct);
        var fresh = new NewsPaths(temp.File("fresh/news.db"), site.Content.Root);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => new SiteBackup(fresh, TimeProvider.System).RestoreAsync(folder, withContent: false, Ct));

        Assert.True(refused is BackupException or Microsoft.Data.Sqlite.SqliteException, refused.ToString());
        Assert.False(File.Exists(fresh.DatabaseFile));
    }

    [Fact]
    public async Task Backup_RefusesAFolderThatHoldsFiles()
    {
        using var client = site.Client();
        await client.GetAsync("/", Ct);
        var folder = temp.File("backup");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "older.txt"), "một bản cũ", Ct);

        await Assert.ThrowsAsync<BackupException>(() => site.Services.GetRequiredService<SiteBackup>().TakeAsync(folder, Ct));

        Assert.Equal("một bản cũ", await File.ReadAllTextAsync(Path.Combine(folder, "older.txt"), Ct));
    }
}
