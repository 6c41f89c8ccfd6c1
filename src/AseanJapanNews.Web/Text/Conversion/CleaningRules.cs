using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// The editable data behind the converter: spam phrases, site-furniture line patterns and the table of
/// known outlets. Kept in text files under <c>content/cleaning/</c> so editors can extend them without a build.
/// </summary>
public sealed class CleaningRules
{
    /// <summary>File names inside <c>content/cleaning/</c>.</summary>
    public const string SpamFile = "spam-phrases.txt", FurnitureFile = "furniture-patterns.txt", OutletsFile = "outlets.txt";

    // Editor-maintained furniture patterns run on the non-backtracking engine: linear time whatever the
    // pattern, so no timeout is needed (a timeout made conversions fail at random on a loaded machine).
    private const RegexOptions FurnitureOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private readonly List<Outlet> _outlets;
    private readonly Dictionary<string, Outlet> _outletByName;

    private CleaningRules(IEnumerable<string> spamPhrases, IEnumerable<Regex> furniture, IEnumerable<Regex> blockStarts, IEnumerable<Regex> listStarts, IEnumerable<Regex> adverts, IEnumerable<Regex> sentences, IEnumerable<Regex> headlineTails, List<Outlet> outlets)
    {
        // Longest first, so "kết quả xsmb" goes before "xsmb" and leaves nothing behind.
        // "tail: WORDS" lines are promotional words that follow a phrase ("nổ hũ uy tín", "xsmb hôm nay"): cut with
        // the phrase they follow, never alone (they are ordinary words in real news).
        var all = spamPhrases.ToList();
        SpamTails = [.. all.Where(IsTail).Select(l => l[TailPrefix.Length..].Trim()).Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Length)];
        SpamPhrases = [.. all.Where(l => !IsTail(l)).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length)];
        FurniturePatterns = [.. furniture];
        BlockStartPatterns = [.. blockStarts];
        ListStartPatterns = [.. listStarts];
        AdvertPatterns = [.. adverts];
        SentencePatterns = [.. sentences];
        HeadlineTailPatterns = [.. headlineTails];
        _outlets = outlets;
        _outletByName = new Dictionary<string, Outlet>(StringComparer.Ordinal);
        foreach (var outlet in outlets)
        {
            foreach (var name in outlet.Names.Append(outlet.Domain))
            {
                _outletByName.TryAdd(NameKey(name), outlet);
            }
        }
        var phrases = string.Join('|', SpamPhrases.Select(p => Regex.Escape(p).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));
        var tails = SpamTails.Count == 0
            ? ""
            : @"(?:\s+(?:" + string.Join('|', SpamTails.Select(t => Regex.Escape(t).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + @")(?![\p{L}\d])){0,4}";
        SpamPattern = SpamPhrases.Count == 0
            ? null
            // A phrase may be glued to the end of a garbled letter run ("…tỉyêkết quả xsmb"), so the left edge
            // also accepts a long run of letters; otherwise phrases must stand as whole words.
            : new Regex(
                @"(?:(?<!\p{L})|(?<=\p{L}{12}))(?:" + phrases + @")(?!\p{L})" + tails,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
        // Spam phrases are escaped literals (no runaway backtracking), so they skip the per-call timeout bookkeeping.
        // The same phrases without the left-edge look-behind: it can start its search with a fast
        // multi-string scan, so a line with no phrase at all (nearly every line) is rejected cheaply.
        SpamCandidate = SpamPhrases.Count == 0
            ? null
            : new Regex("(?:" + phrases + @")(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
        // One alternation per kind, compiled: one scan per line instead of one interpreted regex per pattern.
        // Sentence-shaped furniture is furniture too, so a line that does not read like a sentence needs one scan.
        _anyFurniture = Combine([.. FurniturePatterns, .. SentencePatterns]);
        _anyBlockStart = Combine(BlockStartPatterns);
        _anyListStart = Combine(ListStartPatterns);
        _anyAdvert = Combine(AdvertPatterns);
        _anySentence = Combine(SentencePatterns);
        _anyHeadlineTail = Combine(HeadlineTailPatterns);
    }

    private readonly Regex[] _anyFurniture, _anyBlockStart, _anyListStart, _anyAdvert, _anySentence, _anyHeadlineTail;

    // Patterns are combined into as few alternations as the non-backtracking engine accepts (it caps the size
    // of its automaton), so a line is scanned a handful of times instead of once per pattern. When every
    // pattern is anchored at the line start, the anchor is hoisted out so only position 0 is tried.
    private static Regex[] Combine(IReadOnlyList<Regex> patterns)
    {
        var combined = new List<Regex>();
        var pending = patterns.ToList();
        var size = pending.Count;
        while (pending.Count > 0)
        {
            var chunk = pending.Take(size).ToList();
            try
            {
                var anchored = chunk.All(p => p.ToString().StartsWith('^'));
                combined.Add(new Regex(
                    (anchored ? "^" : "") + "(?:" + string.Join('|', chunk.Select(p => "(?:" + p + ")")) + ")", FurnitureOptions));
                pending.RemoveRange(0, chunk.Count);
            }
            catch (NotSupportedException) when (size > 1)
            {
                size = Math.Max(1, size / 2);
            }
        }
        return combined.ToArray();
    }

    /// <summary>Spam phrases, longest first.</summary>
    public IReadOnlyList<string> SpamPhrases { get; }

    /// <summary>Promotional words cut together with a spam phrase they follow ("uy tín", "hôm nay"), longest first.</summary>
    public IReadOnlyList<string> SpamTails { get; }

    private const string TailPrefix = "tail:";

    private static bool IsTail(string line) => line.StartsWith(TailPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whole-line patterns for site furniture; a matching line is dropped.</summary>
    public IReadOnlyList<Regex> FurniturePatterns { get; }

    /// <summary>Whole-line patterns that start a block (related news): the line and everything after it is dropped.</summary>
    public IReadOnlyList<Regex> BlockStartPatterns { get; }

    /// <summary>Whole-line patterns for a line that heads a list of links ("Xem thêm:"): it and the headline-like lines after it are dropped.</summary>
    public IReadOnlyList<Regex> ListStartPatterns { get; }

    /// <summary>Whole-line patterns for an advert (a money amount with a call to action, "tặng ngay 200K khi đăng ký"): dropped, never a subhead.</summary>
    public IReadOnlyList<Regex> AdvertPatterns { get; }

    /// <summary>Whole-line patterns for furniture written as a sentence (a subscription notice): dropped even though it reads like one.</summary>
    public IReadOnlyList<Regex> SentencePatterns { get; }

    /// <summary>Patterns for what a site glues to the end of a headline after " - " ("tải"): cut from the title.</summary>
    public IReadOnlyList<Regex> HeadlineTailPatterns { get; }

    internal Regex? SpamPattern { get; }

    /// <summary>True when <paramref name="text"/> may hold a spam phrase (every <see cref="SpamPattern"/> match is a match of this).</summary>
    internal bool MayHoldSpam(string text) => SpamCandidate?.IsMatch(text) ?? false;

    private Regex? SpamCandidate { get; }

    /// <summary>Reads the three data files from <c>{contentRoot}/cleaning/</c>.</summary>
    public static CleaningRules Load(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "cleaning");
        return FromText(
            File.ReadAllText(Path.Combine(folder, SpamFile)),
            File.ReadAllText(Path.Combine(folder, FurnitureFile)),
            File.ReadAllText(Path.Combine(folder, OutletsFile)));
    }

    /// <summary>
    /// Builds rules from the files' contents (for tests and tools). Formats:
    /// spam — one phrase a line, or "tail: WORDS" for promotional words cut only after a phrase; furniture — "KIND: REGEX" (kinds line, block, list, advert, sentence, headline-tail; see the file's header), matched against a whole
    /// trimmed line, case-insensitive; outlets — "domain | Display name | alias | alias…".
    /// Blank lines and lines starting with '#' are ignored everywhere.
    /// </summary>
    public static CleaningRules FromText(string spamPhrases, string furniturePatterns, string outlets)
    {
        ArgumentNullException.ThrowIfNull(furniturePatterns);
        var furniture = new List<Regex>();
        var blocks = new List<Regex>();
        var lists = new List<Regex>();
        var adverts = new List<Regex>();
        var sentences = new List<Regex>();
        var headlineTails = new List<Regex>();
        foreach (var line in DataLines(furniturePatterns))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var kind = colon > 0 ? line[..colon].Trim() : "";
            var pattern = colon > 0 ? line[(colon + 1)..].Trim() : line;
            Regex regex;
            try
            {
                regex = new Regex(pattern, FurnitureOptions);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new FormatException($"Furniture pattern is not a usable regex (look-arounds and back-references are not supported): {line} — {e.Message}", e);
            }
            switch (kind)
            {
                case "line": furniture.Add(regex); break;
                case "block": blocks.Add(regex); break;
                case "list": lists.Add(regex); break;
                case "advert": adverts.Add(regex); break;
                case "sentence": sentences.Add(regex); break;
                case "headline-tail": headlineTails.Add(regex); break;
                default: throw new FormatException($"Furniture pattern must start with 'line:', 'block:', 'list:', 'advert:', 'sentence:' or 'headline-tail:': {line}");
            }
        }
        var outletList = DataLines(outlets)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2)
            .Select(parts => new Outlet(parts[0].ToLowerInvariant(), parts[1], parts[1..]))
            .ToList();
        return new CleaningRules(DataLines(spamPhrases), furniture, blocks, lists, adverts, sentences, headlineTails, outletList);
    }

    /// <summary>The display name of an outlet named or abbreviated as <paramref name="nameOrAlias"/>, or null.</summary>
    public string? OutletName(string nameOrAlias) =>
        _outletByName.TryGetValue(NameKey(nameOrAlias), out var outlet) ? outlet.DisplayName : null;

    /// <summary>The display name of the outlet that publishes at <paramref name="url"/>'s host, or null.</summary>
    public string? OutletForUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        return _outlets.FirstOrDefault(o => host == o.Domain || host.EndsWith("." + o.Domain, StringComparison.Ordinal))?.DisplayName;
    }

    internal bool IsFurniture(string line) => AnyMatch(_anyFurniture, line);

    internal bool IsBlockStart(string line) => AnyMatch(_anyBlockStart, line);

    internal bool IsListStart(string line) => AnyMatch(_anyListStart, line);

    internal bool IsAdvert(string line) => AnyMatch(_anyAdvert, line);

    internal bool IsSentenceFurniture(string line) => AnyMatch(_anySentence, line);

    internal bool IsHeadlineTail(string text) => AnyMatch(_anyHeadlineTail, text);

    private static bool AnyMatch(Regex[] patterns, string line)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(line))
            {
                return true;
            }
        }
        return false;
    }

    private static string NameKey(string name) => VietnameseText.Fold(name.Trim().TrimEnd('.', ':')).Replace(" ", "", StringComparison.Ordinal);

    private static IEnumerable<string> DataLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'));
    }

    private sealed record Outlet(string Domain, string DisplayName, string[] Names);
}
