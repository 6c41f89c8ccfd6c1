using System.Text;
using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Turns raw text pasted from a news site into an <see cref="ArticleDraft"/>. Pure and deterministic:
/// the same text and rules always give the same draft. Usage:
/// <c>var draft = new RawTextConverter(CleaningRules.Load(contentRoot)).Convert(text);</c>
/// </summary>
public sealed partial class RawTextConverter(CleaningRules rules)
{
    private const int GarbledRunLength = 22;
    private const int MaxTitleWords = 30;
    private const int HeadLines = 6;
    private const int TailLines = 8;
    private const int HeadScanLines = 30;

    /// <summary>Cleans <paramref name="raw"/> and splits it into metadata and a Markdown body.</summary>
    public ArticleDraft Convert(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var removals = new List<Removal>();
        var lines = Clean(ReadLines(TextHygiene.Clean(raw)), removals);
        var meta = new Metadata();

        var bodyStart = ReadHead(lines, meta, removals);
        var bodyEnd = ReadTail(lines, bodyStart, meta, removals);
        var body = lines.GetRange(bodyStart, bodyEnd - bodyStart);
        ReadOutletDateline(body, meta);

        var blocks = Blocks(body, removals);
        // A headline-less paste starts with its sapo: it serves as both until an editor writes a title.
        string? summary = meta.TitleIsLead ? meta.LeadText : null;
        if (!meta.TitleIsLead && blocks.Count > 0 && blocks[0] is { Kind: BlockKind.Paragraph } lead
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
            meta.Source,
            meta.SourceUrl,
            meta.Author,
            string.Join("\n\n", blocks.Select(Markdown)),
            removals);
    }

    private sealed class Line(int number, string text)
    {
        public int Number { get; } = number;
        public string Text { get; set; } = text;
        public bool AfterImage { get; set; }
        public bool Repeated { get; set; }
        public bool Damaged { get; set; }
    }

    private sealed class Metadata
    {
        public string? Title { get; set; }
        public bool TitleIsLead { get; set; }
        public string? LeadText { get; set; }
        public DateTimeOffset? Date { get; set; }
        public bool DateHasTime { get; set; }
        public string? Author { get; set; }
        public string? SourceFromLine { get; set; }
        public string? SourceFromByline { get; set; }
        public string? SourceFromBylineCredit { get; set; }
        public string? SourceFromDateline { get; set; }
        public string? SourceFromUrl { get; set; }
        public string? SourceFromMasthead { get; set; }
        public string? SourceUrl { get; set; }
        public List<string> Tags { get; } = [];

        // Source policy: the outlet whose article the text is (docs/converter-blind-check-2.md, "Source policy").
        // 1. A "Theo X" / "Nguồn: X" line of its own: the page republished X's article, even under its own
        //    dateline (CafeF … "Theo Nikkei Asia" → Nikkei Asia; "Kinhtedothi - …" … "Nguồn: TTXVN" → TTXVN).
        // 2. An outlet that signs the text: its dateline ("VOV.VN -") or its reporter's byline ("Minh Anh/VOV.VN").
        //    A "(Theo Kyodo)" on such a byline is the agency the outlet's reporter worked from, not the source.
        // 3. The credit on a byline that names no outlet ("Thanh Hải (theo Kyodo)" → Kyodo).
        // 4. The page the text was copied from: its URL's host, then its masthead.
        public string? Source =>
            SourceFromLine ?? SourceFromDateline ?? SourceFromByline ?? SourceFromBylineCredit ?? SourceFromUrl ?? SourceFromMasthead;

        public void SetByline(Attribution.Byline byline)
        {
            Author ??= byline.Author;
            SourceFromByline ??= byline.Source;
            SourceFromBylineCredit ??= byline.Credit;
        }

        public void SetDate(Datelines.Dateline dateline)
        {
            if (Date is null && dateline.Date is not null)
            {
                Date = dateline.Date;
                DateHasTime = dateline.HasTime;
            }
        }
    }

    private enum BlockKind { Paragraph, Caption, Subhead }

    private sealed record Block(BlockKind Kind, string Text, string? Credit = null);

    // Lines in input order, numbered; a one-line dump becomes several lines with the dump's number;
    // segmented text is repaired here so every later rule sees normal prose.
    private static List<Line> ReadLines(string text)
    {
        var segmented = SegmentedText.IsSegmented(text);
        var raw = text.Split('\n');
        var nonEmpty = raw.Count(l => l.Length > 0);
        var lines = new List<Line>();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].Length == 0)
            {
                continue;
            }
            var pieces = OneLineDump.IsDump(raw[i], nonEmpty) ? OneLineDump.Split(raw[i], segmented) : [raw[i]];
            foreach (var piece in pieces)
            {
                var repaired = segmented ? SegmentedText.Repair(piece) : Prose.FixSentenceSpacing(Prose.TypographicQuotes(piece));
                lines.Add(new Line(i + 1, repaired));
            }
        }
        return lines;
    }

    private List<Line> Clean(List<Line> lines, List<Removal> removals)
    {
        var kept = new List<Line>();
        var afterImage = false;
        // Related-news blocks end an article, so their first line only cuts once a paragraph has been kept.
        var bodyStarted = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text.Trim().Trim('|').Trim();
            var damaged = false;
            text = RemoveSpam(text, line.Number, removals, ref damaged);
            text = RemoveGarbled(text, line.Number, removals, ref damaged);
            if (!text.Any(char.IsLetterOrDigit))
            {
                if (text.Length > 0)
                {
                    removals.Add(new Removal(text, "punctuation-only line", line.Number));
                }
                continue;
            }
            if (damaged && !Prose.EndsSentence(text) && Prose.WordCount(text) <= 15 && (HasGluedWord(text) || Prose.WordCount(text) <= 3))
            {
                removals.Add(new Removal(text, "broken fragment around spam", line.Number));
                continue;
            }
            if (KeywordLabelOnly().IsMatch(text))
            {
                // "Tags:" on a line of its own with one keyword a line under it: joined into one keyword line,
                // which the tail reader turns into suggested tags.
                var keywords = new List<string>();
                while (i + 1 < lines.Count && lines[i + 1].Text.Trim() is { Length: > 0 } keyword && keywords.Count < 15
                    && Prose.WordCount(keyword) <= 6 && !Prose.EndsSentence(keyword) && !rules.IsFurniture(keyword)
                    && !rules.IsBlockStart(keyword) && !rules.IsListStart(keyword))
                {
                    keywords.Add(keyword.TrimEnd(','));
                    i++;
                }
                if (keywords.Count == 0)
                {
                    removals.Add(new Removal(text, "site furniture", line.Number));
                    continue;
                }
                text = text.TrimEnd(':', ' ') + ": " + string.Join(", ", keywords);
            }
            if (rules.IsBlockStart(text) && !bodyStarted)
            {
                // "Mới nhất", "Đọc nhiều" in the site menu above the headline: a menu item, not the end of the article.
                removals.Add(new Removal(text, "menu item", line.Number));
                continue;
            }
            if (rules.IsBlockStart(text))
            {
                removals.AddRange(lines.Skip(i).Where(l => l.Text.Trim().Length > 0).Select(l => new Removal(l.Text.Trim(), "related-news block", l.Number)));
                break;
            }
            if (rules.IsListStart(text))
            {
                removals.Add(new Removal(text, "link list", line.Number));
                // The headlines it introduces run until the article resumes with a full sentence.
                while (i + 1 < lines.Count && lines[i + 1].Text.Trim() is { } link
                    && (link.Length == 0 || (!Prose.EndsSentence(link) && Prose.WordCount(link) <= 25)))
                {
                    i++;
                    if (link.Length > 0)
                    {
                        removals.Add(new Removal(link, "link list", lines[i].Number));
                    }
                }
                continue;
            }
            if (rules.IsFurniture(text))
            {
                removals.Add(new Removal(text, "site furniture", line.Number));
                continue;
            }
            if (rules.IsAdvert(text))
            {
                removals.Add(new Removal(text, "advert", line.Number));
                continue;
            }
            if (ImagePlaceholder().IsMatch(text))
            {
                removals.Add(new Removal(text, "image placeholder", line.Number));
                afterImage = true;
                continue;
            }
            if (kept.Count > 0 && SameKey(kept[^1].Text, text))
            {
                removals.Add(new Removal(text, "repeated line", line.Number));
                kept[^1].Repeated = true;
                continue;
            }
            bodyStarted |= IsParagraph(text);
            line.Text = text;
            line.Damaged = damaged;
            line.AfterImage = afterImage;
            afterImage = false;
            kept.Add(line);
        }
        RemoveEchoedFragments(kept, removals);
        return kept;
    }

    // Spam injection often leaves a truncated copy of a real sentence's opening ("Tại hội nghị, lãnh đạo")
    // on its own line; the full sentence follows later.
    private static void RemoveEchoedFragments(List<Line> lines, List<Removal> removals)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var fragment = lines[i];
            if (!fragment.Damaged || Prose.EndsSentence(fragment.Text) || Prose.WordCount(fragment.Text) is < 3 or > 15)
            {
                continue;
            }
            var opening = Key(string.Join(' ', fragment.Text.Split(' ').Take(3)));
            if (lines.Skip(i + 1).Any(l => Prose.EndsSentence(l.Text) && Key(l.Text).StartsWith(opening, StringComparison.Ordinal)))
            {
                removals.Add(new Removal(fragment.Text, "broken fragment around spam", fragment.Number));
                lines.RemoveAt(i);
            }
        }
    }

    private string RemoveSpam(string text, int number, List<Removal> removals, ref bool damaged)
    {
        if (rules.SpamPattern is not { } spam || !rules.MayHoldSpam(text))
        {
            return text;
        }
        var found = false;
        // A bracketed insert that holds spam goes whole, brackets and all: "【kết quả xsmb】Title".
        text = BracketedInsert().Replace(text, m =>
        {
            if (!spam.IsMatch(m.Value))
            {
                return m.Value;
            }
            removals.Add(new Removal(m.Value, "spam", number));
            found = true;
            return " ";
        });
        text = spam.Replace(text, m =>
        {
            removals.Add(new Removal(m.Value, "spam", number));
            found = true;
            return " ";
        });
        if (!found)
        {
            return text;
        }
        damaged = true;
        return Tidy(text);
    }

    private static string RemoveGarbled(string text, int number, List<Removal> removals, ref bool damaged)
    {
        var found = false;
        var result = LetterRun().Replace(text, m =>
        {
            if (m.Length < GarbledRunLength || Prose.IsUrlLike(m.Value))
            {
                return m.Value;
            }
            removals.Add(new Removal(m.Value, "garbled run-together text", number));
            found = true;
            return " ";
        });
        if (!found)
        {
            return text;
        }
        damaged = true;
        return Tidy(result);
    }

    private static string Tidy(string text)
    {
        text = SpaceBeforePunctuation().Replace(text, "$1");
        text = CommaWithoutSpace().Replace(text, ", ");
        text = DanglingComma().Replace(text, "$1");
        text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Trim(' ', ',', ';', ':', '-', '–', '|');
    }

    // Junk before the title, the title, then header lines (repeated title, dateline, byline).
    private int ReadHead(List<Line> lines, Metadata meta, List<Removal> removals)
    {
        var i = 0;
        var titleAt = FindTitle(lines);
        for (; i < lines.Count && meta.Title is null; i++)
        {
            var text = lines[i].Text;
            if (Datelines.Parse(text) is { } dateline)
            {
                meta.SetDate(dateline);
                removals.Add(new Removal(text, "dateline", lines[i].Number));
            }
            else if (HeaderUrl(text, meta))
            {
                removals.Add(new Removal(text, "source URL", lines[i].Number));
            }
            else if (i != titleAt && (rules.OutletName(text) ?? MastheadOutlet(text)) is { } masthead)
            {
                meta.SourceFromMasthead ??= masthead;
                removals.Add(new Removal(text, "outlet name", lines[i].Number));
            }
            else if (titleAt >= 0 ? i == titleAt : IsTitle(text) || i >= HeadLines || i == lines.Count - 1)
            {
                SetTitle(text, meta);
            }
            else
            {
                removals.Add(new Removal(text, "junk before title", lines[i].Number));
            }
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
            if (Key(text) == Key(meta.Title ?? "") || Key(text.TrimEnd('.')) == Key(meta.Title ?? ""))
            {
                removals.Add(new Removal(text, "repeated title", lines[i].Number));
            }
            else if (Datelines.Parse(text) is { } dateline)
            {
                meta.SetDate(dateline);
                if (dateline.Rest.Length > 0 && Attribution.BareName(dateline.Rest, rules) is { } name)
                {
                    meta.Author ??= name;
                }
                removals.Add(new Removal(text, "dateline", lines[i].Number));
            }
            else if (Attribution.ParseByline(text, rules) is { } byline)
            {
                meta.SetByline(byline);
                removals.Add(new Removal(text, "byline", lines[i].Number));
            }
            else if ((Attribution.SourceLine(text, rules) ?? rules.OutletName(text)) is { } source)
            {
                meta.SourceFromLine ??= source;
                removals.Add(new Removal(text, "source", lines[i].Number));
            }
            else if (HeaderUrl(text, meta))
            {
                removals.Add(new Removal(text, "source URL", lines[i].Number));
            }
            else if (meta.Author is null && Attribution.BareName(text, rules) is { } name)
            {
                // "THU HÀ" or "Minh Khoa" between headline and dateline.
                meta.Author = name;
                removals.Add(new Removal(text, "author", lines[i].Number));
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
        RealWordCount(text) >= 14 && RealWordCount(text) >= RealWordCount(headline) + 5 && IsHeadline(headline) && IsDeck(text, headline);

    // A second title-like line under the headline: longer than it, not a sentence of the body's kind, not furniture.
    private bool IsDeck(string text, string headline) =>
        RealWordCount(text) is >= 8 and <= 60 && RealWordCount(text) > RealWordCount(headline) && text.Any(char.IsLower)
        && !HasGluedWord(text) && Datelines.Parse(text) is null && !UrlLine().IsMatch(text) && rules.OutletName(text) is null
        && !IsBreadcrumb(text) && !IsMasthead(text) && Attribution.ParseByline(text, rules) is null
        && Attribution.SourceLine(text, rules) is null && Attribution.ParseOutletDateline(text, rules) is null;

    private bool IsHeaderLine(string text) =>
        Datelines.Parse(text) is not null || Attribution.ParseByline(text, rules) is not null
        || Attribution.BareName(text, rules) is not null || Attribution.SourceLine(text, rules) is not null;

    private bool HeaderUrl(string text, Metadata meta)
    {
        if (UrlLine().Match(text) is not { Success: true } url || Prose.WordCount(text) > 7)
        {
            return false;
        }
        meta.SourceUrl ??= url.Groups["url"].Value;
        meta.SourceFromUrl ??= rules.OutletForUrl(url.Groups["url"].Value);
        return true;
    }

    // Pasted pages open with the site's furniture: the menu ("Thế giới", "Mới nhất"), a breadcrumb
    // ("Trang chủ > Thế giới"), the masthead, a cookie banner, injected junk. The headline is the first
    // headline-like line (5–30 words, no full stop, not a breadcrumb or masthead) that the article visibly
    // starts after: within a few header lines (byline, source, URL) comes a dateline or the lead paragraph.
    // Failing that, the first title-like line that is not one of a run of menu items. -1 when the head holds none.
    private int FindTitle(List<Line> lines)
    {
        var firstParagraph = lines.FindIndex(l => IsParagraph(l.Text));
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
            if (!IsTitle(text) || Datelines.Parse(text) is not null || rules.OutletName(text) is not null || UrlLine().IsMatch(text)
                || IsBreadcrumb(text) || IsMasthead(text))
            {
                continue;
            }
            if (Prose.WordCount(text) >= 5 || i + 1 >= lines.Count || !IsMenuItem(lines[i + 1].Text))
            {
                return i;
            }
        }
        return -1;
    }

    private bool IsHeadline(string text)
    {
        var words = RealWordCount(text);
        return words is >= 5 and <= MaxTitleWords && text[^1] is not ('.' or ';' or ':' or ',') && IsTitle(text)
            && Datelines.Parse(text) is null && !UrlLine().IsMatch(text) && rules.OutletName(text) is null
            && !IsBreadcrumb(text) && !IsMasthead(text) && Attribution.ParseByline(text, rules) is null
            && Attribution.SourceLine(text, rules) is null;
    }

    // After the headline: header lines (byline, author, source, URL, a repeat of the headline), then a
    // dateline or the first paragraph. Anything else (another menu item, a breadcrumb) means the line
    // was not the headline.
    private bool ArticleStartsAfter(List<Line> lines, int title)
    {
        for (var j = title + 1; j < lines.Count && j <= title + 4; j++)
        {
            var text = lines[j].Text;
            if (Datelines.Parse(text) is not null)
            {
                // "Menu item, dateline, headline, lead": a dateline above the headline belongs to the line after it.
                return !(j + 1 < lines.Count && IsHeadline(lines[j + 1].Text) && LeadFollows(lines, j + 1));
            }
            if (IsParagraph(text) || Attribution.ParseOutletDateline(text, rules) is not null)
            {
                return true;
            }
            var header = SameKey(text, lines[title].Text) || UrlLine().IsMatch(text) || rules.OutletName(text) is not null
                || Attribution.ParseByline(text, rules) is not null || Attribution.SourceLine(text, rules) is not null
                || Attribution.BareName(text, rules) is not null;
            if (!header)
            {
                return false;
            }
        }
        return false;
    }

    private bool LeadFollows(List<Line> lines, int title)
    {
        for (var j = title + 1; j < lines.Count && j <= title + 3; j++)
        {
            var text = lines[j].Text;
            if (IsParagraph(text) || Attribution.ParseOutletDateline(text, rules) is not null)
            {
                return true;
            }
            if (Attribution.ParseByline(text, rules) is null && Attribution.BareName(text, rules) is null && !UrlLine().IsMatch(text))
            {
                return false;
            }
        }
        return false;
    }

    // A lead or body paragraph: a full sentence of some length (menus, breadcrumbs and headlines have no full stop).
    private static bool IsParagraph(string text) => Prose.EndsSentence(text) && text[^1] != ':' && Prose.WordCount(text) >= 12;

    private static int RealWordCount(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    // "Thế giới › Phân tích", "Trang chủ > Thế giới > Người Việt khắp nơi", "Kinh tế / Đầu tư": short
    // section names joined by a path separator.
    private static bool IsBreadcrumb(string text)
    {
        var parts = BreadcrumbSeparator().Split(text);
        return parts.Length >= 2 && parts.All(p => RealWordCount(p) is >= 1 and <= 8) && !Prose.EndsSentence(text);
    }

    // "Báo Tin tức - Thông tấn xã Việt Nam", "VOV.VN | Đài Tiếng nói Việt Nam": an outlet's name with a tagline.
    private bool IsMasthead(string text) => MastheadOutlet(text) is not null;

    private string? MastheadOutlet(string text)
    {
        var parts = MastheadSeparator().Split(text);
        return parts.Length >= 2 && RealWordCount(text) <= 12 ? Attribution.Outlet(parts[0], rules) : null;
    }

    private static bool IsMenuItem(string text) =>
        Prose.WordCount(text) <= 4 && !Prose.EndsSentence(text) && text.Any(char.IsLower)
        && !Attribution.IsName(text) && Datelines.Parse(text) is null;

    private static bool IsTitle(string text) =>
        Prose.WordCount(text) >= 3 && !HasGluedWord(text) && text.Any(char.IsLower);

    private static void SetTitle(string text, Metadata meta)
    {
        var words = Prose.WordCount(text);
        // A long first line that is a full sentence is the sapo pasted without its headline.
        meta.TitleIsLead = words > MaxTitleWords && Prose.EndsSentence(text);
        meta.LeadText = meta.TitleIsLead ? text : null;
        meta.Title = text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal) ? text[..^1] : text;
    }

    // Source, URL, byline, author name and keyword lines at the end, read from the bottom up.
    private int ReadTail(List<Line> lines, int start, Metadata meta, List<Removal> removals)
    {
        var end = lines.Count;
        var last = true;
        while (end > start && lines.Count - end < TailLines)
        {
            var line = lines[end - 1];
            var text = line.Text;
            if (UrlLine().Match(text) is { Success: true } url && Prose.WordCount(text) <= 7)
            {
                meta.SourceUrl ??= url.Groups["url"].Value;
                meta.SourceFromUrl ??= rules.OutletForUrl(url.Groups["url"].Value);
                removals.Add(new Removal(text, "source URL", line.Number));
            }
            else if (Attribution.SourceLine(text, rules) is { } source)
            {
                meta.SourceFromLine ??= source;
                removals.Add(new Removal(text, "source", line.Number));
            }
            else if (Attribution.ParseByline(text, rules) is { } byline)
            {
                meta.SetByline(byline);
                removals.Add(new Removal(text, "byline", line.Number));
            }
            else if (Attribution.BylineThenSource(text, rules) is { } both)
            {
                meta.Author ??= both.Author;
                meta.SourceFromLine ??= both.Source;
                removals.Add(new Removal(text, "byline and source", line.Number));
            }
            else if (Attribution.BareName(text, rules) is { } name)
            {
                meta.Author ??= name;
                removals.Add(new Removal(text, "author", line.Number));
            }
            else if (rules.OutletName(text) is { } outlet)
            {
                meta.SourceFromLine ??= outlet;
                removals.Add(new Removal(text, "source", line.Number));
            }
            else if (Datelines.Parse(text) is { Rest.Length: 0 } dateline)
            {
                meta.SetDate(dateline);
                removals.Add(new Removal(text, "dateline", line.Number));
            }
            else if (KeywordLine(text, last) is { } tags)
            {
                // Read bottom-up, so an earlier keyword line goes in front.
                meta.Tags.InsertRange(0, tags.Where(t => !meta.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)));
                removals.Add(new Removal(text, "keyword line (suggested tags)", line.Number));
            }
            else if (FurnitureAboveByline(lines, start, end) is { } skipped and > 0)
            {
                // "Ngọc Anh / Bình luận của bạn đọc": site furniture the data files do not know, between the
                // byline and the end, does not hide the byline.
                for (var k = end - skipped; k < end; k++)
                {
                    removals.Add(new Removal(lines[k].Text, "site furniture", lines[k].Number));
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
    private int FurnitureAboveByline(List<Line> lines, int start, int end)
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

    private static bool IsFurnitureLike(string text) =>
        Prose.WordCount(text) <= 6 && !Prose.EndsSentence(text) && text.Any(char.IsLower) && !Attribution.IsName(text)
        && !UrlLine().IsMatch(text);

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

    private void ReadOutletDateline(List<Line> body, Metadata meta)
    {
        foreach (var line in body.Take(3))
        {
            if (Attribution.ParseOutletDateline(line.Text, rules) is { } dateline
                // An unknown upper-case tag that the headline also names is the story's subject ("ASEAN - …").
                && (dateline.Source is not null || meta.Title is null || !meta.Title.Contains(dateline.Tag, StringComparison.OrdinalIgnoreCase)))
            {
                meta.SourceFromDateline ??= dateline.Source;
                if (dateline.Date is { } date)
                {
                    meta.SetDate(date);
                }
                line.Text = char.ToUpperInvariant(dateline.Rest[0]) + dateline.Rest[1..];
                return;
            }
        }
    }

    private static List<Block> Blocks(List<Line> body, List<Removal> removals)
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
                removals.Add(new Removal(text, "stray photo credit", body[i].Number));
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

    private static string Markdown(Block block) => block.Kind switch
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

    private static bool HasGluedWord(string text) => GluedWord().IsMatch(text);

    // Every CaptionWithCredit match holds one of these words; checking them first spares the lazy
    // caption scan on ordinary paragraphs.
    private static bool MayHaveCredit(string text) =>
        text.Contains("Ảnh", StringComparison.Ordinal) || text.Contains("ảnh", StringComparison.Ordinal) || text.Contains("Photo", StringComparison.Ordinal);

    // Key(a) == Key(b) without building either key: case-insensitive, runs of spaces as one.
    private static bool SameKey(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] == ' ') i++;
            while (j < b.Length && b[j] == ' ') j++;
            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }
            while (i < a.Length && j < b.Length && a[i] != ' ' && b[j] != ' ')
            {
                if (a[i] != b[j] && char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
                {
                    return false;
                }
                i++;
                j++;
            }
            var aEnd = i == a.Length || a[i] == ' ';
            var bEnd = j == b.Length || b[j] == ' ';
            if (aEnd != bEnd)
            {
                return false;
            }
        }
    }

    private static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"【[^】]{0,80}】|\[[^\]]{0,80}\]|\([^)]{0,80}\)")]
    private static partial Regex BracketedInsert();

    [GeneratedRegex(@"\s+[›>»/|]\s+|\s*[›»]\s*")]
    private static partial Regex BreadcrumbSeparator();

    [GeneratedRegex(@"\s+[-–—|]\s+")]
    private static partial Regex MastheadSeparator();

    [GeneratedRegex(@"[\p{L}\p{M}]+")]
    private static partial Regex LetterRun();

    // A lowercase Vietnamese word glued to a capitalised one: "nướcASEANkhẳn".
    [GeneratedRegex(@"[\p{Ll}]{2,}\p{Lu}{2,}|[\p{Ll}]{3,}\p{Lu}[\p{Ll}]*\p{Lu}")]
    private static partial Regex GluedWord();

    [GeneratedRegex(@"\s+([,.;:!?…)\]】])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?<=\p{L}),(?=\p{L})")]
    private static partial Regex CommaWithoutSpace();

    [GeneratedRegex(@"[,;]\s*([.!?…])")]
    private static partial Regex DanglingComma();

    // "<something like the title> - Ảnh 1." left where the site had a picture.
    [GeneratedRegex(@"^.{4,250}?\s[-–—]\s*(?:ảnh|hình|photo)\s*\d{1,2}\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ImagePlaceholder();

    // A bare address, or one after a short lead-in ("Nguồn: …", "Chi tiết xem tại …").
    [GeneratedRegex(@"^(?:[\p{L} ]{0,40}:?\s+)?(?<url>(?:https?://|www\.)\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề|keywords?)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordLabelOnly();

    [GeneratedRegex(@"^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề|keywords?)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordLabel();

    // "… Covid-19. Ảnh TTXVN", "… (Ảnh: Nhật Bắc)", "… - Ảnh: BNG", "… Ảnh: Reuters |".
    [GeneratedRegex(@"^(?<caption>.{8,}?)(?:[.!?…]\s*|\s[-–—]\s*|\s*[(\[]\s*|\s)(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Photo)\s*(?::\s*|\s)(?<credit>\p{Lu}[^()\[\].:]{0,40}?)\s*[)\]]?\s*\.?$")]
    private static partial Regex CaptionWithCredit();

    [GeneratedRegex(@"^[(\[]?\s*(?:Ảnh|Nguồn ảnh|Photo)\s*:\s*(?<credit>[^()\[\]]{1,40}?)\s*[)\]]?\.?$")]
    private static partial Regex PhotoCreditLine();

    [GeneratedRegex(@"^\d{1,3}(?<mark>[.)])(?:\s|$)")]
    private static partial Regex OrderedListStart();
}
