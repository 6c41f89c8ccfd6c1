using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Re-splits a whole article pasted as one line into title, sapo, paragraphs and captions, using the
/// cues such dumps keep: the title has no full stop and ends where a sentence visibly restarts, a caption
/// is the sentence before "Ảnh : X", and a trailing fragment after the last full stop is its own line.
/// </summary>
internal static partial class OneLineDump
{
    private const int ParagraphWords = 45;
    private const int MaxTitleWords = 30;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "TP.", "Tp.", "TS.", "ThS.", "PGS.", "GS.", "BS.", "KS.", "Th.S", "St.", "Mr.", "Mrs.", "Dr.", "v.v.", "vs.", "No.",
    };

    /// <summary>True for a line that must be a dump: very long, or long in a text that has no other lines.</summary>
    public static bool IsDump(string line, int nonEmptyLines) =>
        Prose.WordCount(line) is var words && (words > 300 || (words > 80 && nonEmptyLines <= 3));

    public static List<string> Split(string line, bool segmented)
    {
        var tokens = Tokens(line, segmented);
        var sentences = Sentences(tokens);
        var pieces = new List<string>();
        if (sentences.Count == 0)
        {
            return pieces;
        }
        var first = sentences[0].Tokens;
        var restart = TitleRestart(first, segmented);
        if (DatelineInFirstSentence(first) is var (start, end) && start >= 3)
        {
            // "Tiêu đề Thứ Sáu, 01/03/2024 09:20 (GMT+7) QĐND Online - Sáng 1/3, …": title, dateline, sapo.
            pieces.Add(Join(first.Take(start), segmented));
            pieces.Add(Join(first.Skip(start).Take(end - start), segmented));
            if (end < first.Count)
            {
                pieces.Add(Join(first.Skip(end), segmented));
            }
            sentences.RemoveAt(0);
        }
        else if (restart > 0)
        {
            pieces.Add(Join(first.Take(restart), segmented));
            sentences[0] = sentences[0] with { Tokens = first.Skip(restart).ToList() };
            // The sapo is the rest of that first sentence, a paragraph of its own.
            pieces.Add(Join(sentences[0].Tokens, segmented));
            sentences.RemoveAt(0);
        }
        else if (first.Count <= MaxTitleWords && !sentences[0].Ended)
        {
            pieces.Add(Join(first, segmented));
            sentences.RemoveAt(0);
        }

        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                pieces.Add(Join(paragraph, segmented));
                paragraph.Clear();
            }
        }
        foreach (var sentence in sentences)
        {
            if (sentence.Credit is not null || !sentence.Ended)
            {
                // Captions and unterminated fragments (a trailing author name) stand alone.
                Flush();
                pieces.Add(Join(sentence.Tokens, segmented) + (sentence.Credit is null ? "" : " Ảnh: " + sentence.Credit));
                continue;
            }
            paragraph.AddRange(sentence.Tokens);
            if (paragraph.Count(IsWord) >= ParagraphWords)
            {
                Flush();
            }
        }
        Flush();
        return pieces;
    }

    // Tokens back into text; in plain (not segmented) text a full stop split off its word goes back onto it.
    private static string Join(IEnumerable<string> tokens, bool segmented)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var token in tokens)
        {
            if (sb.Length > 0 && (segmented || token is not ("." or "!" or "?")))
            {
                sb.Append(' ');
            }
            sb.Append(token);
        }
        return sb.ToString();
    }

    private sealed record Sentence(List<string> Tokens, bool Ended, string? Credit);

    private static List<string> Tokens(string line, bool segmented)
    {
        var tokens = new List<string>();
        foreach (var raw in Prose.FixSentenceSpacing(line).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Split a full stop off its word so both kinds of dump share one sentence rule.
            if (!segmented && raw.Length > 1 && raw[^1] is '.' or '!' or '?' && !Abbreviations.Contains(raw)
                && !Prose.IsUrlLike(raw) && !SingleInitial().IsMatch(raw))
            {
                tokens.Add(raw[..^1]);
                tokens.Add(raw[^1..]);
            }
            else
            {
                tokens.Add(raw);
            }
        }
        return tokens;
    }

    private static List<Sentence> Sentences(List<string> tokens)
    {
        var sentences = new List<Sentence>();
        var current = new List<string>();
        var inQuote = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // "… . Ảnh : Nhật_Bắc" or "Ảnh: X" right after a sentence: the previous sentence is a caption.
            if (current.Count == 0 && sentences.Count > 0 && IsPhotoWord(token, tokens, i, out var creditStart))
            {
                var credit = new List<string> { tokens[creditStart] };
                var j = creditStart + 1;
                while (j + 1 < tokens.Count && tokens[j] == "/")
                {
                    credit.Add(tokens[j + 1]);
                    j += 2;
                }
                var previous = sentences[^1];
                sentences[^1] = previous with { Credit = string.Join(' ', credit).Replace(" / ", "/", StringComparison.Ordinal) };
                i = j - 1;
                continue;
            }
            current.Add(token);
            if (token.Contains('"', StringComparison.Ordinal) && token.Count(c => c == '"') % 2 == 1)
            {
                inQuote = !inQuote;
            }
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (token is "." or "!" or "?" or "…" && !inQuote && (next is null || StartsSentence(next)))
            {
                sentences.Add(new Sentence(current, true, null));
                current = [];
            }
        }
        if (current.Count > 0)
        {
            sentences.Add(new Sentence(current, false, null));
        }
        return sentences;
    }

    private static bool IsPhotoWord(string token, List<string> tokens, int i, out int creditStart)
    {
        creditStart = -1;
        if (token is "Ảnh:" or "Photo:" && i + 1 < tokens.Count)
        {
            creditStart = i + 1;
        }
        else if (token is "Ảnh" or "Photo" && i + 2 < tokens.Count && tokens[i + 1] == ":")
        {
            creditStart = i + 2;
        }
        return creditStart >= 0;
    }

    private static bool StartsSentence(string token) =>
        char.IsUpper(token[0]) || char.IsDigit(token[0]) || token[0] is '"' or '“' or '(' or '\'';

    // Where the title stops and the sapo starts, inside the first (unpunctuated) sentence.
    private static int TitleRestart(List<string> first, bool segmented)
    {
        for (var i = 3; i < Math.Min(first.Count, MaxTitleWords + 1); i++)
        {
            var previous = first[i - 1];
            if (previous is ":" or "-" or "–" or "," or "(" or "\"" or "'" || previous.EndsWith(':'))
            {
                continue;
            }
            // The sapo often restarts with the title's subject ("Thủ_tướng : … Thủ_tướng Phạm_Minh_Chính …").
            var repeatsSubject = first[i] == first[0] && char.IsUpper(first[0][0])
                && (segmented || (i + 1 < first.Count && first.Count > 1 && first[i + 1] == first[1]));
            // In segmented text a capitalised common word ("Thủ_tướng", not "Nhật_Bản") only opens a sentence.
            var capitalisedCommonWord = segmented && SentenceOpeningWord().IsMatch(first[i]);
            if (repeatsSubject || capitalisedCommonWord)
            {
                return i;
            }
        }
        return 0;
    }

    // The header's dateline run into the title: a date token within title length, with the weekday,
    // labels and separators before it and the time and time zone after it. Null when there is none.
    private static (int Start, int End)? DatelineInFirstSentence(List<string> first)
    {
        var limit = Math.Min(first.Count, MaxTitleWords + 4);
        var at = -1;
        for (var i = 3; i < limit; i++)
        {
            if (DateToken().IsMatch(first[i].TrimEnd(',')))
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            return null;
        }
        var start = at;
        while (start > 3 && DatelineLeadToken().IsMatch(Bare(first[start - 1].Replace('_', ' '))))
        {
            start--;
        }
        var end = at + 1;
        while (end < first.Count && DatelineTailToken().IsMatch(Bare(first[end])))
        {
            end++;
        }
        return (start, end);
    }

    // A token without a trailing comma ("Sáu," → "Sáu"); a lone comma stays itself.
    private static string Bare(string token) => token.Length > 1 ? token.TrimEnd(',') : token;

    private static bool IsWord(string token) => token.Any(char.IsLetterOrDigit);

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:_\p{Ll}+)+$")]
    private static partial Regex SentenceOpeningWord();

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"^(?:thứ(?: (?:hai|ba|tư|năm|sáu|bảy|[2-7]))?|chủ nhật|hai|ba|tư|năm|sáu|bảy|cập nhật|ngày|lúc|đăng|,|\||-|–|\d{1,2}[:h]\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex DatelineLeadToken();

    [GeneratedRegex(@"^(?:\(?(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|\(|\)|,|\||\d{1,2}[:h]\d{2}|[AaPp][Mm]|\+\d{1,2}(?::\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DatelineTailToken();

    [GeneratedRegex(@"^\p{Lu}\.$")]
    private static partial Regex SingleInitial();
}
