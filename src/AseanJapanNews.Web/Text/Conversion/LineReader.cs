using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// The lines stage: splits the text into numbered lines (one-line dumps into several, segmented text repaired),
/// cuts spam and garbled runs out of them and drops whole lines of site furniture, menus, link lists, adverts and
/// related-news blocks, each with its reason.
/// </summary>
internal sealed partial class LineReader(CleaningRules rules)
{
    private const int GarbledRunLength = 22;

    /// <summary>The kept lines of <paramref name="text"/> (already through <see cref="TextHygiene.Clean"/>).</summary>
    public List<PastedLine> Read(string text, DraftMetadata meta, List<Removal> removals) => Clean(ReadLines(text, meta, removals), removals);

    // Lines in input order, numbered; a one-line dump becomes several lines with the dump's number;
    // segmented text is repaired here so every later rule sees normal prose.
    private static List<PastedLine> ReadLines(string text, DraftMetadata meta, List<Removal> removals)
    {
        var segmented = SegmentedText.IsSegmented(text);
        var raw = text.Split('\n');
        var nonEmpty = raw.Count(l => l.Length > 0);
        var lines = new List<PastedLine>();
        var (start, sender) = ForwardedEmail.Find(raw);
        meta.Sources.FromMasthead(sender);
        for (var i = 0; i < start; i++)
        {
            if (raw[i].Length > 0)
            {
                removals.Add(new Removal(raw[i], RemovalReasons.ForwardedEmail, i + 1));
            }
        }
        var numbered = new List<(int Number, string Text)>();
        for (var i = start; i < raw.Length; i++)
        {
            if (raw[i].Length > 0)
            {
                numbered.Add((i + 1, raw[i]));
            }
        }
        if (PrintLayout.IsPrintLayout(numbered))
        {
            numbered = PrintLayout.Reflow(numbered, meta, removals);
        }
        foreach (var (number, printed) in numbered)
        {
            var pieces = OneLineDump.IsDump(printed, nonEmpty) ? OneLineDump.Split(printed, segmented) : [printed];
            foreach (var piece in pieces)
            {
                var repaired = segmented ? SegmentedText.Repair(piece) : Prose.FixSentenceSpacing(Prose.TypographicQuotes(piece));
                lines.Add(new PastedLine(number, repaired));
            }
        }
        return lines;
    }

    private List<PastedLine> Clean(List<PastedLine> lines, List<Removal> removals)
    {
        var kept = new List<PastedLine>();
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
                    removals.Add(new Removal(text, RemovalReasons.PunctuationOnly, line.Number));
                }
                continue;
            }
            if (damaged && !Prose.EndsSentence(text) && Prose.WordCount(text) <= 15 && (LineShapes.HasGluedWord(text) || Prose.WordCount(text) <= 3))
            {
                removals.Add(new Removal(text, RemovalReasons.SpamFragment, line.Number));
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
                    removals.Add(new Removal(text, RemovalReasons.Furniture, line.Number));
                    continue;
                }
                text = text.TrimEnd(':', ' ') + ": " + string.Join(", ", keywords);
            }
            // A line that reads like an article sentence is kept unless a rule is sure of it: a lost sentence
            // costs the reader more than a stray furniture line costs the editor.
            var sentence = Prose.ReadsLikeArticleSentence(text);
            if (!sentence && !bodyStarted && rules.IsBlockStart(text))
            {
                // "Mới nhất", "Đọc nhiều" in the site menu above the headline: a menu item, not the end of the article.
                removals.Add(new Removal(text, RemovalReasons.MenuItem, line.Number));
                continue;
            }
            if (!sentence && rules.IsBlockStart(text))
            {
                removals.AddRange(lines.Skip(i).Where(l => l.Text.Trim().Length > 0).Select(l => new Removal(l.Text.Trim(), RemovalReasons.RelatedNews, l.Number)));
                break;
            }
            if (!sentence && rules.IsListStart(text))
            {
                removals.Add(new Removal(text, RemovalReasons.LinkList, line.Number));
                // The headlines it introduces run until the article resumes with a full sentence.
                while (i + 1 < lines.Count && lines[i + 1].Text.Trim() is { } link
                    && (link.Length == 0 || (!Prose.EndsSentence(link) && Prose.WordCount(link) <= 25)))
                {
                    i++;
                    if (link.Length > 0)
                    {
                        removals.Add(new Removal(link, RemovalReasons.LinkList, lines[i].Number));
                    }
                }
                continue;
            }
            if (sentence ? rules.IsSentenceFurniture(text) : rules.IsFurniture(text))
            {
                removals.Add(new Removal(text, RemovalReasons.Furniture, line.Number));
                continue;
            }
            if (!sentence && rules.IsAdvert(text))
            {
                removals.Add(new Removal(text, RemovalReasons.Advert, line.Number));
                continue;
            }
            if (ImagePlaceholder().IsMatch(text))
            {
                removals.Add(new Removal(text, RemovalReasons.ImagePlaceholder, line.Number));
                afterImage = true;
                continue;
            }
            if (kept.Count > 0 && LineShapes.SameKey(kept[^1].Text, text))
            {
                removals.Add(new Removal(text, RemovalReasons.RepeatedLine, line.Number));
                kept[^1].Repeated = true;
                continue;
            }
            bodyStarted |= LineShapes.IsParagraph(text);
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
    private static void RemoveEchoedFragments(List<PastedLine> lines, List<Removal> removals)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var fragment = lines[i];
            if (!fragment.Damaged || Prose.EndsSentence(fragment.Text) || Prose.WordCount(fragment.Text) is < 3 or > 15)
            {
                continue;
            }
            var opening = LineShapes.Key(string.Join(' ', fragment.Text.Split(' ').Take(3)));
            if (lines.Skip(i + 1).Any(l => Prose.EndsSentence(l.Text) && LineShapes.Key(l.Text).StartsWith(opening, StringComparison.Ordinal)))
            {
                removals.Add(new Removal(fragment.Text, RemovalReasons.SpamFragment, fragment.Number));
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
            removals.Add(new Removal(m.Value, RemovalReasons.Spam, number));
            found = true;
            return " ";
        });
        text = spam.Replace(text, m =>
        {
            removals.Add(new Removal(m.Value, RemovalReasons.Spam, number));
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
            removals.Add(new Removal(m.Value, RemovalReasons.Garbled, number));
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

    [GeneratedRegex(@"【[^】]{0,80}】|\[[^\]]{0,80}\]|\([^)]{0,80}\)")]
    private static partial Regex BracketedInsert();

    [GeneratedRegex(@"[\p{L}\p{M}]+")]
    private static partial Regex LetterRun();

    [GeneratedRegex(@"\s+([,.;:!?…)\]】])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?<=\p{L}),(?=\p{L})")]
    private static partial Regex CommaWithoutSpace();

    [GeneratedRegex(@"[,;]\s*([.!?…])")]
    private static partial Regex DanglingComma();

    // "<something like the title> - Ảnh 1." left where the site had a picture.
    [GeneratedRegex(@"^.{4,250}?\s[-–—]\s*(?:ảnh|hình|photo)\s*\d{1,2}\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ImagePlaceholder();

    [GeneratedRegex(@"^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề|keywords?)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex KeywordLabelOnly();
}
