namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Which outlet a draft names as its source when the text gives several candidates: the outlet whose
/// article the text is (docs/converter-blind-check-2.md, "Source policy"). Each reader offers what it saw;
/// the first offer of each kind stands.
/// </summary>
internal sealed class SourcePolicy
{
    private string? creditLine, dateline, byline, bylineCredit, url, masthead;

    // 1. A "Theo X" / "Nguồn: X" line of its own: the page republished X's article, even under its own
    //    dateline (CafeF … "Theo Nikkei Asia" → Nikkei Asia; "Kinhtedothi - …" … "Nguồn: TTXVN" → TTXVN).
    // 2. An outlet that signs the text: its dateline ("VOV.VN -") or its reporter's byline ("Minh Anh/VOV.VN").
    //    A "(Theo Kyodo)" on such a byline is the agency the outlet's reporter worked from, not the source.
    // 3. The credit on a byline that names no outlet ("Thanh Hải (theo Kyodo)" → Kyodo).
    // 4. The page the text was copied from: its URL's host, then its masthead.
    public string? Source => creditLine ?? dateline ?? byline ?? bylineCredit ?? url ?? masthead;

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

    /// <summary>The outlet's masthead above the headline.</summary>
    public void FromMasthead(string? outlet) => masthead ??= outlet;
}
