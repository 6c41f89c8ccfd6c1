using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// Output caching for what anonymous readers see. Correct first: never for a signed-in editor (or anyone carrying
/// the sign-in cookie, so an editor's page can never be stored for readers), never under /admin, only 200 answers
/// without cookies; one entry per query string and per Accept-Encoding (entries are stored compressed); every
/// entry tagged with what it shows (<see cref="CacheTags"/>), so a change evicts only the pages it touches; and a response rendered while a
/// change happened is not stored.
/// </summary>
public sealed class ReaderPagesPolicy : IOutputCachePolicy
{
    public const string Name = "reader";
    public const string AuthCookie = Editorial.EditorSessionStore.CookieName;
    private const string VersionKey = "ajn.reader-version";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var readers = http.RequestServices.GetRequiredService<ReaderContent>();
        var cacheable = http.RequestServices.GetRequiredService<IOptions<NewsOptions>>().Value.OutputCache
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            && http.User.Identity?.IsAuthenticated != true
            && !request.Cookies.ContainsKey(AuthCookie)
            && !request.Headers.ContainsKey(HeaderNames.Authorization);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = cacheable;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.Tags.Add(ReaderContent.Tag);
        http.Items[VersionKey] = readers.Version;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var readers = http.RequestServices.GetRequiredService<ReaderContent>();
        var changedMeanwhile = http.Items[VersionKey] is long seen && seen != readers.Version;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || changedMeanwhile)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
