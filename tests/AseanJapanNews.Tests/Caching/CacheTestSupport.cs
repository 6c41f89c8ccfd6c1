using System.Net;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AseanJapanNews.Tests.Caching;

/// <summary>A response as the cache tests look at it: status, body, and whether the output cache served it.</summary>
public sealed record Fetched(HttpStatusCode Status, string Body, bool FromCache, string? ETag, string? ContentEncoding);

/// <summary>Editor actions through the app's own ArticleEditor, and fetches that tell cached answers apart.</summary>
public static class CacheTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Fetched> FetchAsync(HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        // The output cache stamps an Age header on every answer it serves from its store.
        return new Fetched(response.StatusCode, body, response.Headers.Age is not null,
            response.Headers.ETag?.ToString(), response.Content.Headers.ContentEncoding.FirstOrDefault());
    }

    public static ArticleChanges Changes(string title, string tags, DateTimeOffset publishedAt, string body = "Nội dung bài viết.") =>
        new(title, null, $"Sapo của {title}", body, tags.Split(',', StringSplitOptions.TrimEntries), publishedAt.UtcDateTime, true,
            "Phóng viên", "AseanJapanNews", null);

    public static async Task<int> CreateAsync(NewsAppFactory app, ArticleChanges changes, SaveIntent intent)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ArticleEditor>().CreateAsync(changes, intent, "bientap@tin.example.vn", Ct);
        return Assert.IsType<EditOutcome.Saved>(outcome).Id;
    }

    public static async Task UpdateAsync(NewsAppFactory app, int id, ArticleChanges changes, SaveIntent intent = SaveIntent.Keep)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var version = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(Ct));
        var outcome = await scope.ServiceProvider.GetRequiredService<ArticleEditor>().UpdateAsync(id, version, changes, intent, "bientap@tin.example.vn", Ct);
        Assert.IsType<EditOutcome.Saved>(outcome);
    }

    public static Task<string> SlugAsync(NewsAppFactory app, int id) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(Ct));

    public static async Task<int> VersionAsync(NewsAppFactory app, int id) =>
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(Ct));

    /// <summary>Fetches twice, so the second answer comes from the cache (and says so).</summary>
    public static async Task<Fetched> WarmAsync(HttpClient client, string url)
    {
        await FetchAsync(client, url);
        var second = await FetchAsync(client, url);
        Assert.True(second.FromCache, $"{url} was not served from the output cache");
        return second;
    }

    public static Task TrashAsync(NewsAppFactory app, int id) => EditorAsync(app, async editor =>
        Assert.IsType<EditOutcome.Saved>(await editor.TrashAsync(id, await VersionAsync(app, id), "bientap@tin.example.vn", Ct)));

    private static async Task EditorAsync(NewsAppFactory app, Func<ArticleEditor, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ArticleEditor>());
    }

    public static Task<int> CountAsync(NewsAppFactory app) => app.WithDbAsync(db => db.Articles.CountAsync(Ct));
}
