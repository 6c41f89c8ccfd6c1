using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// The head and title stage: finds the headline among the site's furniture above it, reads the masthead,
/// source URL and dateline above it and the header lines under it (repeated headline, dateline, byline,
/// source, author), and says where the body starts.
/// </summary>
// About 320 lines: the head stage is one scan over the lines above the body, and its helpers are that scan's tests;
// split further, the order of its checks (which decides what wins) would be read in pieces.
internal sealed partial class HeadReader(CleaningRules rules)
{
    private const int HeadLines = 6;
    private const int HeadScanLines = 30;
    private const int MaxTitleWords = LineShapes.MaxTitleWords;

    // Junk before the title, the title, then header lines (repeated title, dateline, byline).
    public int Read(List<PastedLine> lines, DraftMetadata meta, List<Removal> removals)
    {
        var i = 0;
        var titleAt = FindTitle(lines, meta);
        for (; i < lines.Count && meta.Title is null; i++)
        {
            var text = lines[i].Text;
            if (Datelines.Parse(text) is { } dateline)
            {
                meta.SetDate(dateline);
                removals.Add(new Removal(text, RemovalReasons.Dateline, lines[i].Number));
            }
            else if (HeaderUrl(text, meta))
            {
                removals.Add(new Removal(text, RemovalReasons.SourceUrl, lines[i].Number));
            }
            else if (i != titleAt && (rules.OutletName(text) ?? MastheadOutlet(text) ?? Attribution.OutletShape(text)) is { } masthead)
            {
                meta.Sources.FromMasthead(masthead);
                removals.Add(new Removal(text, RemovalReasons.OutletName, lines[i].Number));
            }
            else if (titleAt >= 0 ? i == titleAt : LineShapes.IsTitle(text) || i >= HeadLines || i == lines.Count - 1)
            {
                SetTitle(text, meta);
            }
            else
            {
                removals.Add(new Removal(text, RemovalReasons.JunkBeforeTitle, lines[i].Number));
            }
        }
        if (meta.Title is { } set && IsCapsHeadline(set))
        {
            meta.Title = SentenceCase(set, lines);
        }
        var deck = -1;
        for (var header = 0; i < lines.Count && header < 5; header++, i++)
        {
            var text = lines[i].Text;
            if (deck < 0 && header == 0 && meta.Title is { } headline && IsDeck(text, headline)
                && i + 1 < lines.Count && IsHeaderLine(lines[i + 1].Text))
            {
                // A subtitle (deck) between the headline and its dateline or byline: kept, as the first body line.
                deck = i;
                continue;
            }
            if (LineShapes.Key(text) == LineShapes.Key(meta.Title ?? "") || LineShapes.Key(text.TrimEnd('.')) == LineShapes.Key(meta.Title ?? ""))
            {
                removals.Add(new Removal(text, RemovalReasons.RepeatedTitle, lines[i].Number));
            }
            else if (Datelines.Parse(text) is { } dateline)
            {
                meta.SetDate(dateline);
                if (dateline.Rest.Length > 0 && Attribution.BareName(dateline.Rest, rules) is { } name)
                {
                    meta.Author ??= name;
                }
                removals.Add(new Removal(text, RemovalReasons.Dateline, lines[i].Number));
            }
            else if (Attribution.ParseByline(text, rules) is { } byline)
            {
                meta.SetByline(byline);
                removals.Add(new Removal(text, RemovalReasons.Byline, lines[i].Number));
            }
            else if ((Attribution.SourceLine(text, rules) ?? rules.OutletName(text)) is { } source)
            {
                meta.Sources.FromCreditLine(source);
                removals.Add(new Removal(text, RemovalReasons.Source, lines[i].Number));
            }
            else if (HeaderUrl(text, meta))
            {
                removals.Add(new Removal(text, RemovalReasons.SourceUrl, lines[i].Number));
            }
            else if (meta.Author is null && Attribution.BareName(text, rules) is { } name)
            {
                // "THU HÀ" or "Minh Khoa" between headline and dateline.
                meta.Author = name;
                removals.Add(new Removal(text, RemovalReasons.Author, lines[i].Number));
            }
            else
            {
                break;
            }
        }
        if (deck >= 0)
        {
            var line = lines[deck];
            lines.RemoveAt(deck);
            lines.Insert(i - 1, line);
            return i - 1;
        }
        return i;
    }

    private bool IsLongDeckOf(string text, string headline) =>
        LineShapes.RealWordCount(text) >= 14 && LineShapes.RealWordCount(text) >= LineShapes.RealWordCount(headline) + 5 && IsHeadline(headline) && IsDeck(text, headline);

    // A second title-like line under the headline: longer than it, not a sentence of the body's kind, not furniture.
    private bool IsDeck(string text, string headline) =>
        LineShapes.RealWordCount(text) is >= 8 and <= 60 && LineShapes.RealWordCount(text) > LineShapes.RealWordCount(headline) && text.Any(char.IsLower)
        && !LineShapes.HasGluedWord(text) && Datelines.Parse(text) is null && !LineShapes.UrlLine().IsMatch(text) && rules.OutletName(text) is null
        && !LineShapes.IsBreadcrumb(text) && !IsMasthead(text) && Attribution.ParseByline(text, rules) is null
        && Attribution.SourceLine(text, rules) is null && Attribution.ParseOutletDateline(text, rules) is null;

    private bool IsHeaderLine(string text) =>
        Datelines.Parse(text) is not null || Attribution.ParseByline(text, rules) is not null
        || Attribution.BareName(text, rules) is not null || Attribution.SourceLine(text, rules) is not null;

    private bool HeaderUrl(string text, DraftMetadata meta)
    {
        if (LineShapes.UrlLine().Match(text) is not { Success: true } url || Prose.WordCount(text) > 7)
        {
            return false;
        }
        meta.SourceUrl ??= url.Groups["url"].Value;
        meta.Sources.FromUrl(rules.OutletForUrl(url.Groups["url"].Value));
        meta.Sources.FromHost(SourcePolicy.HostOf(url.Groups["url"].Value));
        return true;
    }

    // Pasted pages open with the site's furniture: the menu ("Thế giới", "Mới nhất"), a breadcrumb
    // ("Trang chủ > Thế giới"), the masthead, a cookie banner, injected junk. The headline is the first
    // headline-like line (5–30 words, no full stop, not a breadcrumb or masthead) that the article visibly
    // starts after: within a few header lines (byline, source, URL) comes a dateline or the lead paragraph.
    // Failing that, the first title-like line that is not one of a run of menu items. -1 when the head holds none.
    private int FindTitle(List<PastedLine> lines, DraftMetadata meta)
    {
        // Markup that named its headline (<h1> in a page's source) is believed.
        if (meta.MarkedHeadline is { } marked && lines.FindIndex(l => LineShapes.SameKey(l.Text, marked)) is var at and >= 0 and < HeadScanLines)
        {
            return at;
        }
        var firstParagraph = lines.FindIndex(l => LineShapes.IsParagraph(l.Text));
        var scan = Math.Min(firstParagraph < 0 ? lines.Count : firstParagraph, HeadScanLines);
        for (var i = 0; i < scan; i++)
        {
            if (IsHeadline(lines[i].Text) && ArticleStartsAfter(lines, i))
            {
                // A long line right under a shorter headline-like line is that headline's subtitle (deck).
                return i > 0 && IsLongDeckOf(lines[i].Text, lines[i - 1].Text) ? i - 1 : i;
            }
        }
        // Then the same with a subtitle (deck) allowed between the headline and what starts the article.
        for (var i = 0; i + 1 < scan; i++)
        {
            if (IsHeadline(lines[i].Text) && IsDeck(lines[i + 1].Text, lines[i].Text) && ArticleStartsAfter(lines, i + 1))
            {
                return i;
            }
        }
        for (var i = 0; i < lines.Count && i < HeadLines + 10; i++)
        {
            var text = lines[i].Text;
            if (!LineShapes.IsTitle(text) || Datelines.Parse(text) is not null || rules.OutletName(text) is not null || LineShapes.UrlLine().IsMatch(text)
                || LineShapes.IsBreadcrumb(text) || IsMasthead(text))
            {
                continue;
            }
            if (Prose.WordCount(text) >= 5 || i + 1 >= lines.Count || !LineShapes.IsMenuItem(lines[i + 1].Text))
            {
                return i;
            }
        }
        return -1;
    }

    private bool IsHeadline(string text)
    {
        var words = LineShapes.RealWordCount(text);
        return words is >= 5 and <= MaxTitleWords && text[^1] is not ('.' or ';' or ':' or ',') && (LineShapes.IsTitle(text) || IsCapsHeadline(text))
            && Datelines.Parse(text) is null && !LineShapes.UrlLine().IsMatch(text) && rules.OutletName(text) is null
            && !LineShapes.IsBreadcrumb(text) && !IsMasthead(text) && Attribution.ParseByline(text, rules) is null
            && Attribution.SourceLine(text, rules) is null;
    }

    // After the headline: header lines (byline, author, source, URL, a repeat of the headline), then a
    // dateline or the first paragraph. Anything else (another menu item, a breadcrumb) means the line
    // was not the headline.
    private bool ArticleStartsAfter(List<PastedLine> lines, int title)
    {
        for (var j = title + 1; j < lines.Count && j <= title + 4; j++)
        {
            var text = lines[j].Text;
            if (Datelines.Parse(text) is not null)
            {
                // "Menu item, dateline, headline, lead": a dateline above the headline belongs to the line after it.
                return !(j + 1 < lines.Count && IsHeadline(lines[j + 1].Text) && LeadFollows(lines, j + 1));
            }
            if (LineShapes.IsParagraph(text) || Attribution.ParseOutletDateline(text, rules) is not null)
            {
                return true;
            }
            var header = LineShapes.SameKey(text, lines[title].Text) || LineShapes.UrlLine().IsMatch(text) || rules.OutletName(text) is not null
                || Attribution.ParseByline(text, rules) is not null || Attribution.SourceLine(text, rules) is not null
                || Attribution.BareName(text, rules) is not null;
            if (!header)
            {
                return false;
            }
        }
        return false;
    }

    private bool LeadFollows(List<PastedLine> lines, int title)
    {
        for (var j = title + 1; j < lines.Count && j <= title + 3; j++)
        {
            var text = lines[j].Text;
            if (LineShapes.IsParagraph(text) || Attribution.ParseOutletDateline(text, rules) is not null)
            {
                return true;
            }
            if (Attribution.ParseByline(text, rules) is null && Attribution.BareName(text, rules) is null && !LineShapes.UrlLine().IsMatch(text))
            {
                return false;
            }
        }
        return false;
    }

    // "Báo Tin tức - Thông tấn xã Việt Nam", "VOV.VN | Đài Tiếng nói Việt Nam": an outlet's name with a tagline.
    private bool IsMasthead(string text) => MastheadOutlet(text) is not null;

    private string? MastheadOutlet(string text)
    {
        var parts = MastheadSeparator().Split(text);
        return parts.Length >= 2 && LineShapes.RealWordCount(text) <= 16 ? Attribution.Outlet(parts[0], rules) ?? Attribution.OutletShape(parts[0]) : null;
    }

    // A headline set in capitals ("VIỆT NAM – NHẬT BẢN TĂNG CƯỜNG …"): five words or more, none in lower case.
    private static bool IsCapsHeadline(string text) =>
        LineShapes.RealWordCount(text) >= 5 && text.Any(char.IsLetter) && !text.Any(char.IsLower) && !LineShapes.HasGluedWord(text);

    // An editor publishes a capitals headline in sentence case. A copy of it elsewhere in the text in mixed case
    // (a tab title, a share card) is the outlet's own casing; otherwise each word is written as the text writes
    // it inside a sentence (proper nouns and acronyms capitalised), and in lower case when it never is.
    private static string SentenceCase(string caps, List<PastedLine> lines)
    {
        foreach (var line in lines)
        {
            var text = line.Text;
            if (text.Any(char.IsLower) && text.Length >= caps.Length && LineShapes.SameKey(text.Length == caps.Length ? text : text[..caps.Length], caps)
                && (text.Length == caps.Length || text[caps.Length] == ' '))
            {
                return text[..caps.Length];
            }
        }
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Where(l => l.Text.Any(char.IsLower)))
        {
            var words = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var k = 1; k < words.Length; k++)
            {
                var word = words[k].Trim(WordPunctuation);
                if (word.Length > 0 && char.IsUpper(word[0]) && !Prose.EndsSentence(words[k - 1]))
                {
                    forms.TryAdd(word, word);
                }
            }
        }
        var result = caps.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, k) =>
        {
            var core = w.Trim(WordPunctuation);
            if (core.Length == 0)
            {
                return w;
            }
            var form = forms.GetValueOrDefault(core) ?? (k == 0 ? char.ToUpperInvariant(core[0]) + core[1..].ToLowerInvariant() : core.ToLowerInvariant());
            return w.Replace(core, form, StringComparison.Ordinal);
        });
        return string.Join(' ', result);
    }

    private static readonly char[] WordPunctuation = [',', '.', ':', ';', '!', '?', '(', ')', '“', '”', '"', '\''];

    private void SetTitle(string text, DraftMetadata meta)
    {
        text = WithoutGluedJunk(text, meta);
        var words = Prose.WordCount(text);
        // A long first line that is a full sentence is the sapo pasted without its headline.
        meta.TitleIsLead = words > MaxTitleWords && Prose.EndsSentence(text);
        meta.LeadText = meta.TitleIsLead ? text : null;
        meta.Title = text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal) ? text[..^1] : text;
    }

    // "Headline - Báo Nghệ An" (a browser tab's title), "Headline - tải" (a download button): what follows the
    // last " - " or " | " is cut when it is an outlet's name (known or by shape) or a headline-tail pattern; the
    // outlet then counts as the masthead.
    private string WithoutGluedJunk(string text, DraftMetadata meta)
    {
        var cut = Math.Max(text.LastIndexOf(" - ", StringComparison.Ordinal), text.LastIndexOf(" | ", StringComparison.Ordinal));
        if (cut <= 0 || LineShapes.RealWordCount(text[..cut]) < 4)
        {
            return text;
        }
        var tail = text[(cut + 3)..].Trim();
        if ((Attribution.Outlet(tail, rules) ?? Attribution.OutletShape(tail)) is { } outlet)
        {
            meta.Sources.FromMasthead(outlet);
            return text[..cut].TrimEnd();
        }
        return rules.IsHeadlineTail(tail) ? text[..cut].TrimEnd() : text;
    }

    [GeneratedRegex(@"\s+[-–—|]\s+")]
    private static partial Regex MastheadSeparator();
}
