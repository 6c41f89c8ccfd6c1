using System.Threading.RateLimiting;
using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Controllers;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Editorial;
using AseanJapanNews.Web.Search;
using AseanJapanNews.Web.Search.Sqlite;
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
        // Pooled: a reader page is a few small queries, and creating a context's services per request showed in profiles.
        builder.Services.AddDbContextPool<NewsDbContext>((services, options) => SqliteDatabase
            .Configure(options, services.GetRequiredService<NewsPaths>().DatabaseFile)
            .AddInterceptors(
                services.GetRequiredService<SearchIndexInterceptor>(),
                services.GetRequiredService<ReaderChangeInterceptor>()));
        builder.Services.AddSingleton(services => new RawTextDrafts(services.GetRequiredService<NewsPaths>().ContentFolder));
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<ArticleExporter>();
        builder.Services.AddSingleton<Backup.SiteBackup>();
        builder.Services.AddSingleton<ReaderQueries>();
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
        builder.Services.AddScoped<ISearchIndex>(services => new ReaderCacheAwareSearchIndex(
            services.GetRequiredService<Func<NewsDbContext, ISearchIndex>>()(services.GetRequiredService<NewsDbContext>()),
            services.GetRequiredService<ReaderContent>()));
        return builder;
    }

    /// <summary>
    /// Reader caches and what keeps them correct: every save that touches articles or tags evicts them
    /// (<see cref="ReaderChangeInterceptor"/>), so the CLI registers this too.
    /// </summary>
    public static WebApplicationBuilder AddNewsCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(o => o.AddPolicy(ReaderPagesPolicy.Name, new ReaderPagesPolicy()));
        builder.Services.AddSingleton<ReaderContent>();
        builder.Services.AddSingleton<ReaderChangeInterceptor>();
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

        // Cookies must survive a restart, so the key ring lives beside the database.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(NewsPaths.From(
            builder.Configuration.GetSection(NewsOptions.Section).Get<NewsOptions>() ?? new NewsOptions(),
            builder.Environment.ContentRootPath).KeysFolder));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.Cookie.Name = "ajn.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // The cookie carries only a session key, so signing out ends the session for every copy of the cookie.
        builder.Services.AddSingleton<EditorSessionStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<EditorSessionStore>((o, sessions) => o.SessionStore = sessions);
        // A disabled account or a changed password signs the editor out within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
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

    /// <summary>Migrates the database and, when configured, imports the content folder.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var paths = scope.ServiceProvider.GetRequiredService<NewsPaths>();
        // Held while the site runs, so that a restore cannot swap the database under it.
        var siteLock = SiteLock.HoldShared(paths.DatabaseFile);
        app.Lifetime.ApplicationStopped.Register(siteLock.Dispose);
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await SqliteDatabase.MigrateAsync(db, paths.DatabaseFile);
        await EnsureRolesAsync(scope.ServiceProvider);
        await app.OfferFirstRunSetupAsync(scope.ServiceProvider);
        // A database that predates the search index gets its rows once; from then on SaveChanges keeps it current.
        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().IndexMissingAsync(CancellationToken.None);
        if (scope.ServiceProvider.GetRequiredService<IOptions<NewsOptions>>().Value.ImportOnStartup)
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(paths.ContentFolder);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Bad files are refused one by one inside the import; this is the import itself failing (the database
                // locked or full). What the database holds is still right, so the site serves it; the next start or
                // the import command tries again.
                app.Services.GetRequiredService<Serilog.ILogger>().ForContext<ContentImporter>().Error(
                    e, "Content import failed; the site starts with the articles the database already holds");
            }
        }
    }

    /// <summary>Migrates and creates the roles: what account commands need before they run.</summary>
    public static async Task PrepareAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await SqliteDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), scope.ServiceProvider.GetRequiredService<NewsPaths>().DatabaseFile);
        await EnsureRolesAsync(scope.ServiceProvider);
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>
    /// With no account at all, logs the one-time link to create the first Admin, once the server has started: only
    /// then are the addresses it listens on known (ASPNETCORE_URLS, --urls, Kestrel settings), and with the default
    /// News:BaseUrl the link is on one of them (<see cref="FirstRunSetup.Link"/>).
    /// </summary>
    private static async Task OfferFirstRunSetupAsync(this WebApplication app, IServiceProvider services)
    {
        if (await services.GetRequiredService<UserManager<Editor>>().Users.AnyAsync())
        {
            return;
        }
        var token = services.GetRequiredService<FirstRunSetup>().Begin();
        var baseUrl = services.GetRequiredService<IOptions<NewsOptions>>().Value.BaseUrl;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            // This host's logger, as for request logging: app.Logger writes to Serilog's static one, which the last
            // host built in the process owns.
            app.Services.GetRequiredService<Serilog.ILogger>().ForContext<FirstRunSetup>().Warning(
                "No editor account yet. Create the first Admin account (link works once): {SetupUrl}",
                FirstRunSetup.Link(baseUrl, listening, token));
        });
    }

    public const string LoginRateLimit = "login";

    public static WebApplication UseNewsPipeline(this WebApplication app)
    {
        // Never a stack trace for readers, in any environment.
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // This host's logger, not Serilog's static one, which the last host built in the process (a test run) owns.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseMiddleware<ClientClosedRequest>();
        app.UseHsts();
        // Every cookie (sign-in, antiforgery, TempData) is Secure when the request came over HTTPS.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        app.UseSecurityHeaders();
        // Vietnamese numbers and dates on every page, not the server locale's ("100,000" under C.UTF-8, "01.12.2023" under de_DE).
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new(VietnameseText.Culture),
            SupportedCultures = [VietnameseText.Culture],
            SupportedUICultures = [VietnameseText.Culture],
            RequestCultureProviders = [],
        });
        app.UseStaticCopy();
        // Run from a build (dotnet run, the tests) rather than a publish, MapStaticAssets adds a GET-only catch-all
        // "{**path:file}" for files added to wwwroot after the build. Routing answers 405 for any other method on any
        // path such a catch-all could match, so a POST to an unknown address was 405, not 404. wwwroot changes
        // with a build here, so the catch-all serves nothing the build's assets do not.
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        app.MapStaticAssets();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // Before the cache lookup: a scheduled article that became due, or an import by another process, evicts first.
        app.Use(async (context, next) =>
        {
            if (ReaderContent.IsReaderPage(context))
            {
                await context.RequestServices.GetRequiredService<ReaderContent>().EnsureFreshAsync(context.RequestServices, context.RequestAborted);
            }
            await next(context);
        });
        app.UseOutputCache();
        // Inside the cache, so cached entries are stored compressed (one per Accept-Encoding).
        app.UseResponseCompression();
        app.UseMiddleware<ReaderValidators>();
        app.MapControllers().WithStaticAssets();
        return app;
    }

    /// <summary>The benchmark's ceiling: files from News:StaticCopyPath as plain static files, through the same Kestrel.</summary>
    private static void UseStaticCopy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<NewsOptions>>().Value.StaticCopyPath is { Length: > 0 } folder)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
                RequestPath = "/static-copy",
            });
        }
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
    /// <summary>The data-protection key ring (cookies, antiforgery tokens), beside the database.</summary>
    public string KeysFolder => Path.Combine(Path.GetDirectoryName(DatabaseFile)!, "keys");

    public static NewsPaths From(NewsOptions options, string contentRoot) => new(
        Path.GetFullPath(Path.Combine(contentRoot, options.DatabasePath)),
        Path.GetFullPath(Path.Combine(contentRoot, options.ContentPath)));
}
