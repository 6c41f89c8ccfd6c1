using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Search.Sqlite;
using AseanJapanNews.Web.Syndication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog;

namespace AseanJapanNews.Web;

/// <summary>Service registrations and the request pipeline, grouped by concern.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));
        return builder;
    }

    public static WebApplicationBuilder AddNewsData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsOptions>()
            .BindConfiguration(NewsOptions.Section)
            .Validate(o => o.PageSize is > 0 and <= 100, "News:PageSize must be between 1 and 100")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "News:BaseUrl must be an absolute URL")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => NewsPaths.From(
            services.GetRequiredService<IOptions<NewsOptions>>().Value,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath));
        builder.Services.AddDbContext<NewsDbContext>((services, options) => SqliteDatabase
            .Configure(options, services.GetRequiredService<NewsPaths>().DatabaseFile)
            .AddInterceptors(services.GetRequiredService<SearchIndexInterceptor>()));
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<ArticleCatalog>();
        builder.Services.AddScoped<RelatedArticles>();
        return builder.AddNewsSearch();
    }

    /// <summary>Search on SQLite FTS5; a PostgreSQL deployment registers its own <see cref="ISearchIndex"/> here.</summary>
    private static WebApplicationBuilder AddNewsSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Func<NewsDbContext, ISearchIndex>>(services =>
        {
            var clock = services.GetRequiredService<TimeProvider>();
            return db => new SqliteSearchIndex(db, clock);
        });
        builder.Services.AddSingleton<SearchIndexInterceptor>();
        builder.Services.AddScoped(services =>
            services.GetRequiredService<Func<NewsDbContext, ISearchIndex>>()(services.GetRequiredService<NewsDbContext>()));
        return builder;
    }

    public static WebApplicationBuilder AddNewsWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddControllersWithViews();
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddSingleton<SiteUrls>();
        builder.Services.AddSingleton<FeedWriter>();
        builder.Services.AddSingleton<SitemapWriter>();
        builder.Services.AddSingleton<ArticleMetadata>();
        return builder;
    }

    /// <summary>Migrates the database and, when configured, imports the content folder.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var paths = scope.ServiceProvider.GetRequiredService<NewsPaths>();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await SqliteDatabase.MigrateAsync(db, paths.DatabaseFile);
        // A database that predates the search index gets its rows once; from then on SaveChanges keeps it current.
        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().IndexMissingAsync(CancellationToken.None);
        if (scope.ServiceProvider.GetRequiredService<IOptions<NewsOptions>>().Value.ImportOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(paths.ContentFolder);
        }
    }

    public static WebApplication UseNewsPipeline(this WebApplication app)
    {
        // Never a stack trace for readers, in any environment.
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseSecurityHeaders();
        app.MapStaticAssets();
        app.UseRouting();
        app.MapControllers();
        return app;
    }

    private static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            return next(context);
        });
}

/// <summary>The configured paths, resolved to absolute paths once.</summary>
public sealed record NewsPaths(string DatabaseFile, string ContentFolder)
{
    public static NewsPaths From(NewsOptions options, string contentRoot) => new(
        Path.GetFullPath(Path.Combine(contentRoot, options.DatabasePath)),
        Path.GetFullPath(Path.Combine(contentRoot, options.ContentPath)));
}
