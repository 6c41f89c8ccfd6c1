using AseanJapanNews.Web.Caching;
using AseanJapanNews.Web.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Serilog;

namespace AseanJapanNews.Web;

/// <summary>The request pipeline, in order, and the middleware only it uses.</summary>
public static class RequestPipeline
{
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
