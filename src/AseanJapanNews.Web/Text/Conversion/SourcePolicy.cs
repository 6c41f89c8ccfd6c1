namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Which outlet a draft names as its source when the text gives several candidates: the outlet whose
/// article the text is (docs/converter-blind-check-2.md, "Source policy"). Each reader offers what it saw;
/// the first offer of each kind stands.
/// </summary>
internal sealed class SourcePolicy
{
    private string? creditLine, dateline, byline, bylineCredit, url, masthead, host;

    // 1. A "Theo X" / "Nguồn: X" line of its own: the page republished X's article, even under its own
    //    dateline (CafeF … "Theo Nikkei Asia" → Nikkei Asia; "Kinhtedothi - …" … "Nguồn: TTXVN" → TTXVN).
    // 2. An outlet that signs the text: its dateline ("VOV.VN -") or its reporter's byline ("Minh Anh/VOV.VN").
    //    A "(Theo Kyodo)" on such a byline is the agency the outlet's reporter worked from, not the source.
    // 3. The credit on a byline that names no outlet ("Thanh Hải (theo Kyodo)" → Kyodo).
    // 4. The page the text was copied from: its URL's host, then its masthead.
    // 5. A host the outlet table does not know, as written ("baobinhduong.vn"): better than no source at all.
    public string? Source => creditLine ?? dateline ?? byline ?? bylineCredit ?? url ?? masthead ?? host;

    /// <summary>A "Theo X" / "Nguồn: X" line, or an outlet's name on a line of its own near the text's ends.</summary>
    public void FromCreditLine(string? outlet) => creditLine ??= outlet;

    /// <summary>The outlet tag opening the first paragraph ("VOV.VN -", "(TTXVN) -").</summary>
    public void FromDateline(string? outlet) => dateline ??= outlet;

    /// <summary>The outlet a byline names as its reporter's own, and the one it credits ("(Theo Kyodo)").</summary>
    public void FromByline(string? outlet, string? credit)
    {
        byline ??= outlet;
        bylineCredit ??= credit;
    }

    /// <summary>The outlet that publishes at the source URL's host.</summary>
    public void FromUrl(string? outlet) => url ??= outlet;

    /// <summary>The host of a source URL or a bare domain line when no known outlet publishes there ("www." dropped).</summary>
    public void FromHost(string? domain)
    {
        if (domain is { Length: > 3 })
        {
            host ??= domain.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? domain[4..] : domain;
        }
    }

    /// <summary>The host of <paramref name="url"/>, or null when it is not an absolute address.</summary>
    public static string? HostOf(string url) =>
        Uri.TryCreate(url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant() : null;

    /// <summary>The outlet's masthead above the headline.</summary>
    public void FromMasthead(string? outlet) => masthead ??= outlet;
}
