namespace AseanJapanNews.Web.Data;

/// <summary>
/// One signed-in browser: the auth cookie carries only <see cref="Key"/>, so signing out deletes the row and every
/// copy of that cookie stops working (the cookie's session store, <c>Editorial/EditorSessionStore</c>, keeps these rows).
/// </summary>
public class EditorSession
{
    public required string Key { get; set; }
    public required string EditorId { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>The authentication ticket (claims and cookie properties), as TicketSerializer writes it.</summary>
    public required byte[] Ticket { get; set; }
}
