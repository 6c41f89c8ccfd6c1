using System.Data.Common;
using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Areas.Admin;

/// <summary>
/// Two editors saving at once, made deterministic: the other editor's save commits exactly between this save's
/// lookup (is the topic new? is the slug free?) and its insert, which is where a real race strikes.
/// </summary>
public sealed class SimultaneousSaveTests(SimultaneousSaveTests.RaceAppFactory app) : IClassFixture<SimultaneousSaveTests.RaceAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoSavesAddingTheSameNewTopicAtOnceBothSucceed_AndShareOneTopic()
    {
        var minh = await app.SignInAsync("minh@tin.example.vn");
        var id = (await minh.SubmitAsync("/admin/articles/new", ArticleFields.Of("Bài của Minh thêm chủ đề"), button: "save")).ArticleId;
        app.Race.Arm(app.Services, "chu-de-vua-xuat-hien", services => services.GetRequiredService<ArticleEditor>().CreateAsync(
            new ArticleChanges("Bài của Lan cùng chủ đề", null, "Sapo", "Nội dung.", ["Chủ đề vừa xuất hiện"], null, false, null, null, null),
            SaveIntent.Keep, "lan@tin.example.vn", Ct));

        var saved = await minh.SubmitAsync($"/admin/articles/{id}", new Dictionary<string, string?>
        {
            ["Form.Tags"] = "Chủ đề vừa xuất hiện", ["Form.Body"] = "Nội dung Minh vừa gõ.",
        }, button: "save");

        Assert.True(app.Race.Ran, "the other editor's save never ran between lookup and insert");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var article = await app.ArticleAsync(id);
        Assert.Equal("Nội dung Minh vừa gõ.", article.Body);
        Assert.Equal(["chu-de-vua-xuat-hien"], article.Tags.Select(t => t.Slug));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tags.CountAsync(t => t.Slug == "chu-de-vua-xuat-hien", Ct)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Tags.Any(t => t.Slug == "chu-de-vua-xuat-hien"), Ct)));
    }

    [Fact]
    public async Task A_slug_claimed_by_a_simultaneous_save_is_refused_with_its_message_and_the_text_kept()
    {
        var minh = await app.SignInAsync("minh@tin.example.vn");
        app.Race.Arm(app.Services, "duong-dan-hai-nguoi-cung-chon", services => services.GetRequiredService<ArticleEditor>().CreateAsync(
            new ArticleChanges("Bài của Lan giữ đường dẫn", "duong-dan-hai-nguoi-cung-chon", "Sapo", "Nội dung.", [], null, false, null, null, null),
            SaveIntent.Keep, "lan@tin.example.vn", Ct));

        var refused = await minh.SubmitAsync("/admin/articles/new",
            ArticleFields.Of("Bài của Minh cùng đường dẫn", body: "Nội dung Minh gõ rất lâu.", slug: "duong-dan-hai-nguoi-cung-chon"), button: "publish");

        Assert.True(app.Race.Ran, "the other editor's save never ran between lookup and insert");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Bài của Lan giữ đường dẫn", refused.FieldError("Form.Slug"), StringComparison.Ordinal);
        Assert.Equal("Nội dung Minh gõ rất lâu.", refused.FieldValue("Form.Body"));
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Bài của Minh cùng đường dẫn", Ct)));
    }

    public sealed class RaceAppFactory : AdminAppFactory
    {
        public OtherEditorsSave Race { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<NewsDbContext>(o => o.AddInterceptors(Race)));
        }
    }

    /// <summary>
    /// Once armed with a slug, runs the other editor's save (through the app's own services, committed) as soon as a
    /// query that looked that slug up has read its answer, before the save that asked goes on to insert.
    /// </summary>
    public sealed class OtherEditorsSave : DbCommandInterceptor
    {
        private IServiceProvider? services;
        private string? slug;
        private Func<IServiceProvider, Task<EditOutcome>>? save;

        public bool Ran { get; private set; }

        public void Arm(IServiceProvider app, string contested, Func<IServiceProvider, Task<EditOutcome>> otherSave)
        {
            (services, slug, save, Ran) = (app, contested, otherSave, false);
        }

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (save is { } other && slug is { } contested && services is { } app && LooksUp(command, contested))
            {
                save = null;
                await using var scope = app.CreateAsyncScope();
                Assert.IsType<EditOutcome.Saved>(await other(scope.ServiceProvider));
                Ran = true;
            }
            return result;
        }

        private static bool LooksUp(DbCommand command, string contested) =>
            command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string value && value.Contains(contested, StringComparison.Ordinal));
    }
}
