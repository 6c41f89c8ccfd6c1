namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Turns raw text pasted from a news site into an <see cref="ArticleDraft"/>. Pure and deterministic:
/// the same text and rules always give the same draft. Usage:
/// <c>var draft = new RawTextConverter(CleaningRules.Load(contentRoot)).Convert(text);</c>
/// </summary>
/// <remarks>
/// Four stages, one file each: <see cref="LineReader"/> (lines and whole-line removals), <see cref="HeadReader"/>
/// (headline and header lines), <see cref="TailReader"/> (attribution at the end) and <see cref="BodyWriter"/>
/// (paragraphs, captions, subheads as Markdown). Which outlet becomes the source is <see cref="SourcePolicy"/>'s call.
/// </remarks>
public sealed class RawTextConverter(CleaningRules rules)
{
    private readonly LineReader lineReader = new(rules);
    private readonly HeadReader headReader = new(rules);
    private readonly TailReader tailReader = new(rules);
    private readonly BodyWriter bodyWriter = new(rules);

    /// <summary>Cleans <paramref name="raw"/> and splits it into metadata and a Markdown body.</summary>
    public ArticleDraft Convert(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var removals = new List<Removal>();
        var meta = new DraftMetadata();
        var html = HtmlSource.LooksLikeHtml(raw);
        var text = html ? HtmlSource.ToText(raw) : HtmlSource.DecodeEntities(raw);
        meta.MarkedHeadline = html ? HtmlSource.Headline(raw) : null;
        var lines = lineReader.Read(TextHygiene.Clean(text), meta, removals);

        var bodyStart = headReader.Read(lines, meta, removals);
        var bodyEnd = tailReader.Read(lines, bodyStart, meta, removals);
        var body = lines.GetRange(bodyStart, bodyEnd - bodyStart);
        bodyWriter.ReadOutletDateline(body, meta);

        var blocks = BodyWriter.Blocks(body, removals);
        // A headline-less paste starts with its sapo: it serves as both until an editor writes a title.
        string? summary = meta.TitleIsLead ? meta.LeadText : null;
        if (!meta.TitleIsLead && blocks.Count > 0 && blocks[0] is { Kind: BodyWriter.BlockKind.Paragraph } lead
            && Prose.EndsSentence(lead.Text) && Prose.WordCount(lead.Text) is >= 8 and <= 110)
        {
            summary = lead.Text;
            blocks.RemoveAt(0);
        }

        removals.Sort((a, b) => (a.Line ?? int.MaxValue).CompareTo(b.Line ?? int.MaxValue));
        return new ArticleDraft(
            meta.Title ?? "",
            meta.Date,
            meta.DateHasTime,
            summary,
            meta.Tags,
            meta.Sources.Source,
            meta.SourceUrl,
            meta.Author,
            string.Join("\n\n", blocks.Select(BodyWriter.Markdown)),
            removals);
    }
}
