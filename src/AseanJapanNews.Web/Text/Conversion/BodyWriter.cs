using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// The body and Markdown stage: takes the outlet dateline off the first paragraph, sorts the body lines into
/// paragraphs, captions (with their photo credits) and subheads, and writes them as the site's Markdown.
/// </summary>
internal sealed partial class BodyWriter(CleaningRules rules)
{
    public void ReadOutletDateline(List<PastedLine> body, DraftMetadata meta)
    {
        foreach (var line in body.Take(3))
        {
            if (Attribution.ParseOutletDateline(line.Text, rules) is { } dateline
                // An unknown upper-case tag that the headline also names is the story's subject ("ASEAN - …").
                && (dateline.Source is not null || meta.Title is null || !meta.Title.Contains(dateline.Tag, StringComparison.OrdinalIgnoreCase)))
            {
                meta.Sources.FromDateline(dateline.Source);
                if (dateline.Date is { } date)
                {
                    meta.SetDate(date);
                }
                line.Text = char.ToUpperInvariant(dateline.Rest[0]) + dateline.Rest[1..];
                return;
            }
        }
    }

    internal enum BlockKind { Paragraph, Caption, Subhead }

    internal sealed record Block(BlockKind Kind, string Text, string? Credit = null);

    public static List<Block> Blocks(List<PastedLine> body, List<Removal> removals)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < body.Count; i++)
        {
            var text = body[i].Text;
            var next = i + 1 < body.Count ? body[i + 1] : null;
            var nextIsCredit = next is not null && IsCreditOnly(next.Text);

            if (MayHaveCredit(text) && CaptionWithCredit().Match(text) is { Success: true } withCredit && Prose.WordCount(text) <= 60)
            {
                blocks.Add(new Block(BlockKind.Caption, withCredit.Groups["caption"].Value.Trim(), CreditText(withCredit.Groups["credit"].Value)));
                continue;
            }
            var shortLine = Prose.WordCount(text) <= 50;
            var looksLikeCaption = shortLine && (body[i].AfterImage || nextIsCredit || (body[i].Repeated && Prose.WordCount(text) <= 15));
            if (looksLikeCaption && !IsCreditOnly(text))
            {
                string? credit = null;
                if (nextIsCredit)
                {
                    credit = CreditText(next!.Text);
                    i++;
                }
                blocks.Add(new Block(BlockKind.Caption, text, credit));
                continue;
            }
            if (IsCreditOnly(text) && (i == 0 || blocks.Count > 0 && blocks[^1].Kind == BlockKind.Caption))
            {
                removals.Add(new Removal(text, RemovalReasons.StrayPhotoCredit, body[i].Number));
                continue;
            }
            var isSubhead = next is not null && !Prose.EndsSentence(text) && Prose.WordCount(text) is >= 2 and <= 16 && text.Length <= 120
                && !next.AfterImage && Prose.EndsSentence(next.Text) && blocks.Count > 0;
            blocks.Add(new Block(isSubhead ? BlockKind.Subhead : BlockKind.Paragraph, text));
        }
        return blocks;
    }

    // "BNG", "NHẬT BẮC", "Ảnh: TTXVN" on a line of their own.
    private static bool IsCreditOnly(string text) =>
        text.Length <= 40 && (PhotoCreditLine().IsMatch(text)
            || (Prose.WordCount(text) <= 4 && !Prose.EndsSentence(text) && text.Count(char.IsLetter) >= 2 && !text.Any(char.IsLower) && !text.Any(char.IsDigit)));

    private static string CreditText(string credit)
    {
        var m = PhotoCreditLine().Match(credit);
        var name = m.Success ? m.Groups["credit"].Value : credit;
        return Prose.NormalCaseName(name.Trim().TrimEnd('.', ')', ']').Trim());
    }

    public static string Markdown(Block block) => block.Kind switch
    {
        BlockKind.Subhead => "## " + block.Text,
        BlockKind.Caption => "^^^\n^^^ " + CaptionText(block),
        _ => EscapeLineStart(block.Text),
    };

    private static string CaptionText(Block block)
    {
        if (block.Credit is null)
        {
            return block.Text;
        }
        var text = block.Text.TrimEnd(' ', '-', '–', '(', '[');
        return (Prose.EndsSentence(text) ? text : text + ".") + " Ảnh: " + block.Credit;
    }

    // Prose that happens to start like Markdown syntax must stay prose.
    private static string EscapeLineStart(string text)
    {
        var ordered = OrderedListStart().Match(text);
        if (ordered.Success)
        {
            return text.Insert(ordered.Groups["mark"].Index, "\\");
        }
        return text.Length > 0 && text[0] is '#' or '>' or '-' or '+' or '*' or '=' or '|' or '`' or '~' or '^' or '<' or '['
            ? "\\" + text
            : text;
    }

    // Every CaptionWithCredit match holds one of these words; checking them first spares the lazy
    // caption scan on ordinary paragraphs.
    private static bool MayHaveCredit(string text) =>
        text.Contains("Ảnh", StringComparison.Ordinal) || text.Contains("ảnh", StringComparison.Ordinal) || text.Contains("Photo", StringComparison.Ordinal);

    // "… Covid-19. Ảnh TTXVN", "… (Ảnh: Nhật Bắc)", "… - Ảnh: BNG", "… Ảnh: Reuters |".
    [GeneratedRegex(@"^(?<caption>.{8,}?)(?:[.!?…]\s*|\s[-–—]\s*|\s*[(\[]\s*|\s)(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Photo)\s*(?::\s*|\s)(?<credit>\p{Lu}[^()\[\].:]{0,40}?)\s*[)\]]?\s*\.?$")]
    private static partial Regex CaptionWithCredit();

    [GeneratedRegex(@"^[(\[]?\s*(?:Ảnh|Nguồn ảnh|Photo)\s*:\s*(?<credit>[^()\[\]]{1,40}?)\s*[)\]]?\.?$")]
    private static partial Regex PhotoCreditLine();

    [GeneratedRegex(@"^\d{1,3}(?<mark>[.)])(?:\s|$)")]
    private static partial Regex OrderedListStart();
}
