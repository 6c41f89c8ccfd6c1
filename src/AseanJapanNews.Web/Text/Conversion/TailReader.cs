using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// The tail stage: reads the source URL, "Theo X" line, byline, author name, date and keyword lines at the end
/// of the article from the bottom up, and says where the body ends.
/// </summary>
internal sealed partial class TailReader(CleaningRules rules)
{
    private const int TailLines = 8;

    // Source, URL, byline, author name and keyword lines at the end, read from the bottom up.
    public int Read(List<PastedLine> lines, int start, DraftMetadata meta, List<Removal> removals)
    {
        var end = lines.Count;
        var last = true;
        while (end > start && lines.Count - end < TailLines)
        {
            var line = lines[end - 1];
            var text = line.Text;
            if (LineShapes.UrlLine().Match(text) is { Success: true } url && Prose.WordCount(text) <= 7)
            {
                meta.SourceUrl ??= url.Groups["url"].Value;
                meta.Sources.FromUrl(rules.OutletForUrl(url.Groups["url"].Value));
                meta.Sources.FromHost(SourcePolicy.HostOf(url.Groups["url"].Value));
                removals.Add(new Removal(text, RemovalReasons.SourceUrl, line.Number));
            }
            else if (Attribution.SourceLine(text, rules) is { } source)
            {
                meta.Sources.FromCreditLine(source);
                removals.Add(new Removal(text, RemovalReasons.Source, line.Number));
            }
            else if (Attribution.ParseByline(text, rules) is { } byline)
            {
                meta.SetByline(byline);
                removals.Add(new Removal(text, RemovalReasons.Byline, line.Number));
            }
            else if (Attribution.BylineThenSource(text, rules) is { } both)
            {
                meta.Author ??= both.Author;
                meta.Sources.FromCreditLine(both.Source);
                removals.Add(new Removal(text, RemovalReasons.BylineAndSource, line.Number));
            }
            else if (Attribution.BareName(text, rules) is { } name)
            {
                meta.Author ??= name;
                removals.Add(new Removal(text, RemovalReasons.Author, line.Number));
            }
            else if (rules.OutletName(text) is { } outlet)
            {
                meta.Sources.FromCreditLine(outlet);
                removals.Add(new Removal(text, RemovalReasons.Source, line.Number));
            }
            else if (FooterOutlet(text) is { } footer)
            {
                // "Báo Bình Dương Online - Cơ quan của Đảng bộ …", "BAOBACNINH.VN" (a link card): the page's own name.
                meta.Sources.FromMasthead(footer.Outlet);
                meta.Sources.FromHost(footer.Host);
                removals.Add(new Removal(text, RemovalReasons.OutletName, line.Number));
            }
            else if (Datelines.Parse(text) is { Rest.Length: 0 } dateline)
            {
                meta.SetDate(dateline);
                removals.Add(new Removal(text, RemovalReasons.Dateline, line.Number));
            }
            else if (KeywordLine(text, last) is { } tags)
            {
                // Read bottom-up, so an earlier keyword line goes in front.
                meta.Tags.InsertRange(0, tags.Where(t => !meta.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)));
                removals.Add(new Removal(text, RemovalReasons.Keywords, line.Number));
            }
            else if (FurnitureAboveByline(lines, start, end) is { } skipped and > 0)
            {
                // "Ngọc Anh / Bình luận của bạn đọc": site furniture the data files do not know, between the
                // byline and the end, does not hide the byline.
                for (var k = end - skipped; k < end; k++)
                {
                    removals.Add(new Removal(lines[k].Text, RemovalReasons.Furniture, lines[k].Number));
                }
                end -= skipped;
                last = false;
                continue;
            }
            else
            {
                break;
            }
            last = false;
            end--;
        }
        return end;
    }

    // How many lines just above `end` are short furniture-like lines (a few words, no sentence, not a name)
    // with an attribution line (source, byline, author) right above them; 0 when there is none.
    private int FurnitureAboveByline(List<PastedLine> lines, int start, int end)
    {
        const int MaxSkipped = 2;
        var skipped = 0;
        while (end - skipped - 1 >= start && skipped < MaxSkipped && IsFurnitureLike(lines[end - skipped - 1].Text))
        {
            skipped++;
        }
        var above = end - skipped - 1;
        if (skipped == 0 || above < start)
        {
            return 0;
        }
        var text = lines[above].Text;
        var attribution = Attribution.SourceLine(text, rules) is not null || Attribution.ParseByline(text, rules) is not null
            || Attribution.BylineThenSource(text, rules) is not null || Attribution.BareName(text, rules) is not null;
        return attribution ? skipped : 0;
    }

    private (string? Outlet, string? Host)? FooterOutlet(string text)
    {
        if (Attribution.IsDomainTag(text))
        {
            return (rules.OutletForUrl("https://" + text.ToLowerInvariant()), text.ToLowerInvariant());
        }
        var dash = text.IndexOf(" - ", StringComparison.Ordinal);
        var name = dash > 0 ? text[..dash] : text;
        var outlet = Attribution.Outlet(name, rules) ?? Attribution.OutletShape(name);
        return outlet is not null && !Prose.ReadsLikeArticleSentence(text) && Prose.WordCount(text) <= 30 ? (outlet, null) : null;
    }

    private static bool IsFurnitureLike(string text) =>
        Prose.WordCount(text) <= 6 && !Prose.EndsSentence(text) && text.Any(char.IsLower) && !Attribution.IsName(text)
        && !LineShapes.UrlLine().IsMatch(text);

    private static List<string>? KeywordLine(string text, bool isLastLine)
    {
        var m = KeywordLabel().Match(text);
        var labelled = m.Success;
        var list = labelled ? text[m.Length..] : text;
        if (!labelled && (!isLastLine || Prose.EndsSentence(text)))
        {
            return null;
        }
        var parts = list.Split([',', ';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.TrimStart('#').Trim())
            .Where(p => p.Length > 0)
            .ToList();
        var plausible = parts.Count > 0 && parts.All(p => Prose.WordCount(p) <= 16)
            && (labelled || (parts.Count >= 2 && parts.All(p => char.IsUpper(p[0]))) || (parts.Count >= 3 && parts.All(p => Prose.WordCount(p) <= 5)));
        return plausible ? parts.Distinct(StringComparer.OrdinalIgnoreCase).ToList() : null;
    }

    [GeneratedRegex(@"^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề|keywords?)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordLabel();
}
