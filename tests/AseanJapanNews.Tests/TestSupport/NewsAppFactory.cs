using System.Net;
using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// The real app on a real SQLite file of its own. By default it loads a copy of the launch content;
/// the clock starts at <see cref="DefaultNow"/> so "future" articles are future in every test run.
/// </summary>
public class NewsAppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(7));

    private readonly TempFolder temp = new();

    public NewsAppFactory()
    {
        Content = ContentFolder.CopyOfLaunchContent(temp.File("content"));
    }

    public TestClock Clock { get; } = new(DefaultNow);
    public ContentFolder Content { get; }
    public string DatabaseFile => temp.File("news.db");

    /// <summary>Extra configuration, e.g. ("News:PageSize", "2"); set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, ASP.NET serves static assets only from a publish folder; from the build output
        // MapStaticAssets answers a browser (Accept-Encoding: gzip, br) with an empty 200 for site.css.
        // Load the build's static web assets manifest, as Development does.
        builder.UseStaticWebAssets();
        builder.UseSetting("News:DatabasePath", DatabaseFile);
        builder.UseSetting("News:ContentPath", Content.Root);
        // Each app its own search index, also when a test starts a second app on the same database (a restart).
        builder.UseSetting("News:SearchIndexPath", temp.File("search-index"));
        builder.UseSetting("News:BaseUrl", "https://tin.example.vn");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that does not follow redirects, so tests see them.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="action"/> against the app's own database.</summary>
    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
