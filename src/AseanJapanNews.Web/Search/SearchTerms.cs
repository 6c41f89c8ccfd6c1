namespace AseanJapanNews.Web.Search;

/// <summary>One thing every result must contain: a single word, or several in a row when it was quoted.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Quoted)
{
    public IReadOnlyList<string> FoldedWords { get; } = Words.Select(Text.VietnameseText.Fold).ToList();
}

/// <summary>
/// What a reader typed, parsed into terms that must all match: bare words, and "quoted phrases" whose words
/// must appear together. Nothing the reader types has any other meaning: <c>*</c>, <c>-</c>, <c>(</c>,
/// NEAR, AND are ordinary text, and a lone quote is ignored.
/// </summary>
public sealed record SearchTerms(string Text, IReadOnlyList<SearchTerm> Terms, bool Truncated)
{
    /// <summary>Longer queries are cut here; the page says so.</summary>
    public const int MaxLength = 200;

    /// <summary>More terms than this add nothing but cost.</summary>
    public const int MaxTerms = 20;

    public static readonly SearchTerms Empty = new("", [], false);

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>True when the reader typed diacritics, so exact-diacritic matches should rank first.</summary>
    public bool HasDiacritics => Terms.Any(t => !t.Words.SequenceEqual(t.FoldedWords));

    public static SearchTerms Parse(string? text)
    {
        text = (text ?? "").Trim();
        var truncated = text.Length > MaxLength;
        if (truncated)
        {
            // Cut between words, so no half word becomes a term of its own.
            var cut = text.LastIndexOf(' ', MaxLength);
            text = text[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd();
        }

        var terms = new List<SearchTerm>();
        var parts = text.Split('"');
        // Even parts are outside quotes, odd parts inside; with an odd number of quotes the last one is unpaired
        // and the text after it counts as bare words.
        var closed = parts.Length % 2 == 1 ? parts.Length : parts.Length - 1;
        for (var i = 0; i < parts.Length; i++)
        {
            var quoted = i % 2 == 1 && i < closed;
            if (quoted)
            {
                var words = SearchText.Words(parts[i]).Select(w => w.Marked).ToList();
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm(words, Quoted: true));
                }
            }
            else
            {
                foreach (var chunk in parts[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    // "covid-19" is one thing the reader typed: its words must stand together.
                    var words = SearchText.Words(chunk).Select(w => w.Marked).ToList();
                    if (words.Count > 0)
                    {
                        terms.Add(new SearchTerm(words, Quoted: false));
                    }
                }
            }
        }
        var distinct = terms.DistinctBy(t => string.Join(' ', t.Words)).Take(MaxTerms).ToList();
        return new SearchTerms(text, distinct, truncated);
    }
}
