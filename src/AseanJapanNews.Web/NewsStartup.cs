using AseanJapanNews.Web.Content;
using AseanJapanNews.Web.Changes;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Data.Sqlite;
using AseanJapanNews.Web.Editorial;
using AseanJapanNews.Web.Search;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AseanJapanNews.Web;

/// <summary>What runs before the site (or a command) serves: migrations, roles, the first-run link, the start-up import.</summary>
public static class NewsStartup
{
    /// <summary>Migrates the database and, when configured, imports the content folder.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var paths = scope.ServiceProvider.GetRequiredService<NewsPaths>();
        // Held while the site runs, so that a restore cannot swap the database under it.
        SiteLock siteLock;
        try
        {
            siteLock = SiteLock.HoldShared(paths.DatabaseFile);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"{paths.DatabaseFile} is being restored (restore holds {SiteLock.PathFor(paths.DatabaseFile)}); start the site when the restore has finished", e);
        }
        app.Lifetime.ApplicationStopped.Register(siteLock.Dispose);
        await MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        // What follows the change log starts from its end (the caches are empty, "Đọc thêm" reads every article),
        // before anything is served or imported.
        await app.Services.GetRequiredService<ChangeFollowers>().NudgeAsync(CancellationToken.None);
        await EnsureRolesAsync(scope.ServiceProvider);
        await app.OfferFirstRunSetupAsync(scope.ServiceProvider);
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

    /// <summary>
    /// The database as this build expects it: migrated, and with every article in the search index (a database that
    /// predates the index, or a restored backup, which leaves it out, gets its rows here; from then on every save
    /// keeps it current). The site and every command that reads or writes articles start with this.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await SqliteDatabase.MigrateAsync(services.GetRequiredService<NewsDbContext>(), services.GetRequiredService<NewsPaths>().DatabaseFile, ct);
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
}
