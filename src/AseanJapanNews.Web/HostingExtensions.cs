using System.Threading.RateLimiting;
using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Changes;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Controllers;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Search.Lucene;
using AseanJapanNews.Web.Syndication;
using AseanJapanNews.Web.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Serilog;
using AseanJapanNews.Web.Data.Sqlite;

namespace AseanJapanNews.Web;

/// <summary>Service registrations, one method per concern. The site and the command line share <see cref="AddNewsServices"/>.</summary>
public static class HostingExtensions
{
    /// <summary>Everything but the web: what every command of the command line uses as the site does.</summary>
    public static WebApplicationBuilder AddNewsServices(this WebApplicationBuilder builder) => builder
        .AddNewsLogging()
        .AddNewsData()
        .AddNewsCaching()
        .AddNewsEditorial();

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
        // Pooled: a reader page is a few small queries, and creating a context's services per request showed in profiles.
        builder.Services.AddDbContextPool<NewsDbContext>((services, options) => SqliteDatabase
            .Configure(options, services.GetRequiredService<NewsPaths>().DatabaseFile)
            .AddInterceptors(services.GetRequiredService<ChangeLogInterceptor>()));
        builder.Services.AddSingleton(services => new RawTextDrafts(services.GetRequiredService<NewsPaths>().ContentFolder));
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<ArticleExporter>();
        builder.Services.AddSingleton<Backup.SiteBackup>();
        builder.Services.AddSingleton<ReaderQueries>();
        builder.Services.AddScoped<ArticleCatalog>();
        return builder.AddNewsSearch();
    }

    /// <summary>
    /// Search on a Lucene.NET index on this node's disk, beside the database; the site keeps it in step with the change
    /// log (<see cref="SearchIndexFollower"/>, registered with the web), a command opens it only to rebuild it.
    /// </summary>
    private static WebApplicationBuilder AddNewsSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISearchIndex>(services =>
        {
            var paths = services.GetRequiredService<NewsPaths>();
            // The index only reads articles: a plain context of its own, without the change log's interceptor.
            var options = (DbContextOptions<NewsDbContext>)SqliteDatabase
                .Configure(new DbContextOptionsBuilder<NewsDbContext>(), paths.DatabaseFile).Options;
            return new LuceneSearchIndex(paths.SearchIndexFolder, () => new NewsDbContext(options),
                services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<LuceneSearchIndex>>());
        });
        return builder;
    }

    /// <summary>
    /// The change log and this process's followers of it: every save that readers can see appends to the log
    /// (<see cref="ChangeLogInterceptor"/>), so the CLI registers this too; the reader caches follow it.
    /// </summary>
    public static WebApplicationBuilder AddNewsCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChangeFollowers>();
        builder.Services.AddSingleton<ChangeLogInterceptor>();
        builder.Services.AddOutputCache(o => o.AddPolicy(ReaderPagesPolicy.Name, new ReaderPagesPolicy()));
        builder.Services.AddSingleton<ReaderContent>();
        builder.Services.AddSingleton<IChangeFollower>(services => services.GetRequiredService<ReaderContent>());
        builder.Services.AddScoped<ReaderEvictions>();
        return builder;
    }

    /// <summary>Accounts (Identity in the same database) and the editorial services.</summary>
    public static WebApplicationBuilder AddNewsEditorial(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<Editor, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                // Makes Identity ask EnabledEditorsOnly before each sign-in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddUserConfirmation<EnabledEditorsOnly>();
        builder.Services.AddSingleton<FirstRunSetup>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ArticleEditor>();
        builder.Services.AddScoped<AdminArticleList>();
        return builder;
    }

    /// <summary>
    /// What the web site adds to <see cref="AddNewsServices"/>: the reader pages and feeds (MVC, compression, page
    /// metadata) and editors' sign-in.
    /// </summary>
    public static WebApplicationBuilder AddNewsWeb(this WebApplicationBuilder builder)
    {
        // Which server answers is nobody's business but ours.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // Browsers that once reached the site over HTTPS stay on it; sent only on HTTPS, never for localhost.
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddControllersWithViews(o => o.Conventions.Add(new GetAlsoAnswersHead()));
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/rss+xml", "application/atom+xml", "image/svg+xml"]);
        });
        // Fastest: pages are compressed once and then served from the output cache, but uncached pages pay it per request.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        // Vietnamese letters go out as themselves, not as &#x1EA1; entities (pages 2–3× smaller, readable source).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddSingleton<SiteUrls>();
        builder.Services.AddSingleton<FeedWriter>();
        builder.Services.AddSingleton<SitemapWriter>();
        builder.Services.AddSingleton<ArticleMetadata>();
        // Here, not with the data: it needs the page metadata, which the command line (the data without the web) lacks.
        builder.Services.AddScoped<ArticlePages>();
        builder.Services.AddSingleton<RelatedArticles>();
        builder.Services.AddSingleton<IChangeFollower>(services => services.GetRequiredService<RelatedArticles>());
        builder.Services.AddSingleton<SearchIndexFollower>();
        builder.Services.AddSingleton<IChangeFollower>(services => services.GetRequiredService<SearchIndexFollower>());
        // Changes other processes make (the import command, other nodes) reach this one's caches within a poll.
        builder.Services.AddHostedService<ChangeLogPolling>();

        return builder.AddNewsSignIn();
    }

    /// <summary>Editors' sign-in: the key ring, the cookie and its server-side session, and the sign-in rate limit.</summary>
    private static WebApplicationBuilder AddNewsSignIn(this WebApplicationBuilder builder)
    {
        // Cookies must survive a restart, so the key ring lives beside the database.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(NewsPaths.From(
            builder.Configuration.GetSection(NewsOptions.Section).Get<NewsOptions>() ?? new NewsOptions(),
            builder.Environment.ContentRootPath).KeysFolder));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.Cookie.Name = EditorSessionStore.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // Every cookie is Secure when the request came over HTTPS: sign-in above, antiforgery and TempData here (set
        // on each, not by the cookie-policy middleware, which would wrap every reader request's cookies for nothing).
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // The cookie carries only a session key, so signing out ends the session for every copy of the cookie.
        builder.Services.AddSingleton<EditorSessionStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<EditorSessionStore>((o, sessions) => o.SessionStore = sessions);
        // A disabled account or a changed password signs the editor out within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RequestPipeline.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<NewsOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            // No body here: the status code pages write the site's Vietnamese error page for the 429, as for every other error.
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }
}
