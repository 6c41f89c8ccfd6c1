using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using AseanJapanNews.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Editorial;

/// <summary>
/// Keeps editors' sign-ins in the database (<see cref="EditorSession"/>), so that signing out ends the session on the
/// server: a copied cookie stops working, the editor's other browsers do not, and sessions survive a restart and
/// are shared by every node on the database.
/// </summary>
/// <remarks>
/// A singleton (the cookie handler's options hold it), so each call takes a context of its own: never the request's,
/// whose save would also write whatever the page had pending.
/// </remarks>
public sealed class EditorSessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    /// <summary>
    /// The name of the sign-in cookie, which carries the session's key: for its configuration, and for the reader
    /// cache, which never answers or stores a request that carries it.
    /// </summary>
    public const string CookieName = "ajn.auth";

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await RemoveExpiredAsync(db, cancellationToken);
        db.EditorSessions.Add(new EditorSession
        {
            Key = key,
            EditorId = EditorIdOf(ticket),
            ExpiresAtUtc = ExpiryOf(ticket),
            Ticket = TicketSerializer.Default.Serialize(ticket),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <remarks>
    /// Updates only: a session signed out while this request was under way stays signed out, rather than being
    /// written back by the request that was renewing it.
    /// </remarks>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await RemoveExpiredAsync(db, cancellationToken);
        var editorId = EditorIdOf(ticket);
        var expires = ExpiryOf(ticket);
        var serialized = TicketSerializer.Default.Serialize(ticket);
        await db.EditorSessions.Where(s => s.Key == key).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.EditorId, editorId)
            .SetProperty(s => s.ExpiresAtUtc, expires)
            .SetProperty(s => s.Ticket, serialized), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var ticket = await db.EditorSessions.Where(s => s.Key == key).Select(s => s.Ticket).SingleOrDefaultAsync(cancellationToken);
        return ticket is null ? null : TicketSerializer.Default.Deserialize(ticket);
    }

    /// <remarks>Not cancelled with the request: an editor who closes the tab while signing out is still signed out.</remarks>
    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await db.EditorSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    /// <summary>Sessions nobody signed out of; cheap by the index on the expiry, and done only when a session is written.</summary>
    private async Task RemoveExpiredAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.EditorSessions.Where(s => s.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
    }

    private static string EditorIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The cookie handler sets every ticket's expiry; a ticket without one is kept for a day at most.</summary>
    private DateTime ExpiryOf(AuthenticationTicket ticket) =>
        (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddDays(1)).UtcDateTime;
}
