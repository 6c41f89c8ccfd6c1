using System.Globalization;
using System.Text;
using AseanJapanNews.Web.Text;

namespace AseanJapanNews.Web.Content;

/// <summary>Size and seed of a synthetic corpus.</summary>
public sealed record CorpusSpec(int Articles, int Tags, int Seed)
{
    /// <summary>First and last instant of the 20 years the articles are spread over (fixed, not "now", so the output never drifts).</summary>
    public static readonly DateTimeOffset Start = new(2005, 1, 1, 0, 0, 0, VietnamTime.Offset);
    public static readonly DateTimeOffset End = new(2024, 12, 31, 23, 59, 0, VietnamTime.Offset);
}

/// <summary>
/// Writes a newsroom-sized corpus of Vietnamese-looking articles in the content format, for load tests and the
/// benchmark. Words are built from Vietnamese syllables (onset + vowel with a tone mark + coda), so titles and
/// bodies carry real diacritics; the words of ASEAN–Japan coverage are mixed in as often as real coverage has them
/// ("Nhật Bản" in nine articles of ten, "Shinkansen" in one of a hundred), so search meets the hard case of a word
/// that is everywhere; tags follow a Zipf-like skew (a few topics on most articles, a long tail of rare ones), and a
/// topic named like one of those words only goes on an article that mentions it; dates cover twenty years. The
/// output depends only on <see cref="CorpusSpec"/>: same seed, same bytes.
/// </summary>
public sealed class SyntheticCorpus(CorpusSpec spec)
{
    // A few real topics first, so the most used tags read like the site's own.
    private static readonly string[] LeadingTags =
        ["Nhật Bản", "ASEAN", "Việt Nam", "Kinh tế", "Đầu tư", "Ngoại giao", "Giáo dục", "Văn hóa", "Du lịch", "Lao động"];

    private static readonly string[] Onsets =
        ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x"];

    // Nuclei written with the vowel that carries the tone in upper case (replaced after the mark is added).
    private static readonly string[] OpenNuclei =
        ["A", "Ă", "Â", "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "Ai", "Ao", "Au", "Ay", "Âu", "Ây", "Oi", "Ôi", "Ơi", "Ui", "Ưi", "Ia", "Ưa", "Ua", "oA", "uY", "ưƠi", "uÔi", "iÊu", "ưƠu"];

    private static readonly string[] ClosedNuclei =
        ["A", "Ă", "Â", "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "iÊ", "uÔ", "ưƠ", "oA", "oĂ", "uyÊ"];

    private static readonly string[] Codas = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

    // Combining marks: none, sắc, huyền, hỏi, ngã, nặng.
    private static readonly string[] Tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

    private static readonly string[] Places = ["Hà Nội", "Tokyo", "Jakarta", "Osaka", "Đà Nẵng", "TP.HCM", "Hải Phòng", "Bangkok", "Manila", "Singapore"];

    /// <summary>
    /// The domain's words and the share of articles that mention them: the common ones near what ASEAN–Japan coverage
    /// has, then a long tail at 20%, 10%, 5% and 1%. Each article draws each word on its own, so the shares hold over
    /// any large corpus; a word drawn appears one to three times in the body, and may reach the title and the sapo.
    /// </summary>
    private static readonly (string Phrase, double Share)[] DomainWords =
    [
        ("Nhật Bản", 0.90), ("Việt Nam", 0.85), ("hợp tác", 0.60), ("ASEAN", 0.50), ("Hà Nội", 0.50),
        ("kinh tế", 0.40), ("đầu tư", 0.35), ("Thủ tướng", 0.30),
        ("doanh nghiệp", 0.20), ("thương mại", 0.20), ("Tokyo", 0.20), ("ngoại giao", 0.20),
        ("lao động", 0.10), ("du lịch", 0.10), ("năng lượng", 0.10), ("chuyển đổi số", 0.10), ("giáo dục", 0.10),
        ("bán dẫn", 0.05), ("thực tập sinh", 0.05), ("Mekong", 0.05), ("ODA", 0.05), ("Osaka", 0.05), ("biến đổi khí hậu", 0.05),
        ("Shinkansen", 0.01), ("hydro xanh", 0.01), ("Fukushima", 0.01), ("động đất", 0.01), ("tàu điện ngầm", 0.01), ("Kansai", 0.01),
    ];

    // Place names as filler words, except those whose share DomainWords sets.
    private static readonly string[] FillerPlaces =
        Places.Where(p => !DomainWords.Any(w => string.Equals(w.Phrase, p, StringComparison.OrdinalIgnoreCase))).ToArray();

    private static readonly string[] Sources = ["Vietnam+", "VnExpress", "Tuổi Trẻ", "Thanh Niên", "Báo Quốc tế", "TTXVN", "VOV", "Dân trí"];

    /// <summary>File name (under <c>articles/</c>) and content of each article, in order.</summary>
    public IEnumerable<(string FileName, string Text)> Articles()
    {
        var random = new SplitMix(spec.Seed);
        var tags = TagNames(random);
        var weights = ZipfCumulative(tags.Count);
        var span = (long)(CorpusSpec.End - CorpusSpec.Start).TotalMinutes;
        // Topics named like a domain word ("Nhật Bản", "Du lịch", "Tokyo"): only for an article that mentions the word.
        var wordTags = Enumerable.Range(0, tags.Count)
            .Where(i => DomainWords.Any(w => string.Equals(w.Phrase, tags[i], StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(i => i, i => tags[i]);
        for (var n = 1; n <= spec.Articles; n++)
        {
            var mentioned = DomainWords.Where(w => random.NextDouble() < w.Share).Select(w => w.Phrase).ToList();
            var titleWords = SentenceWords(random, random.Next(7, 15));
            if (mentioned.Count > 0 && random.Next(2) == 0)
            {
                Mention(random, titleWords, mentioned[random.Next(mentioned.Count)]);
            }
            var title = Capitalize(string.Join(' ', titleWords));
            var slug = Slug.From(title);
            if (slug.Length > 80)
            {
                slug = slug[..80].TrimEnd('-');
            }
            slug = $"{slug}-{n}";
            var refused = wordTags.Where(t => !mentioned.Contains(t.Value, StringComparer.OrdinalIgnoreCase)).Select(t => t.Key).ToHashSet();
            var tagCount = Math.Min(1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * 6), tags.Count - refused.Count);
            var chosen = new List<string>(tagCount);
            while (chosen.Count < tagCount)
            {
                var pick = Pick(weights, random.NextDouble());
                if (!refused.Contains(pick) && !chosen.Contains(tags[pick]))
                {
                    chosen.Add(tags[pick]);
                }
            }
            var date = CorpusSpec.Start.AddMinutes(random.NextLong(span));
            var summaryWords = SentenceWords(random, random.Next(20, 40));
            foreach (var phrase in mentioned.Where(_ => random.Next(4) == 0))
            {
                Mention(random, summaryWords, phrase);
            }
            var file = new ArticleFile
            {
                Title = title,
                Slug = slug,
                Date = date,
                DateHasTime = true,
                Summary = Capitalize(string.Join(' ', summaryWords)) + ".",
                Tags = chosen,
                Source = Sources[random.Next(Sources.Length)],
                Author = Name(random),
                Draft = random.Next(100) == 0,
                Body = Body(random, mentioned),
            };
            yield return ($"{slug}.md", ArticleFileFormat.Write(file));
        }
    }

    /// <summary>Writes <c>DIR/articles/*.md</c>; returns how many files were written.</summary>
    public int WriteTo(string folder)
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var count = 0;
        foreach (var (name, text) in Articles())
        {
            File.WriteAllText(Path.Combine(articles, name), text, utf8);
            count++;
        }
        return count;
    }

    private List<string> TagNames(SplitMix random)
    {
        var names = new List<string>(spec.Tags);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in LeadingTags.Concat(Places))
        {
            if (names.Count < spec.Tags && slugs.Add(Slug.From(name)))
            {
                names.Add(name);
            }
        }
        while (names.Count < spec.Tags)
        {
            var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Capitalize(Syllable(random)));
            var name = string.Join(' ', words);
            if (slugs.Add(Slug.From(name)))
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>Cumulative weights of rank r ∝ 1/r (Zipf, s = 1).</summary>
    private static double[] ZipfCumulative(int count)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var r = 0; r < count; r++)
        {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (var r = 0; r < count; r++)
        {
            cumulative[r] /= sum;
        }
        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var i = Array.BinarySearch(cumulative, u);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static string Body(SplitMix random, List<string> mentioned)
    {
        // Paragraphs of sentences (lists of words), so the domain words can go anywhere before the text is written.
        var paragraphs = new List<List<List<string>>>();
        var headingBefore = -1;
        var count = random.Next(3, 7);
        for (var p = 0; p < count; p++)
        {
            if (p == 2 && random.Next(3) == 0)
            {
                headingBefore = p;
            }
            var sentences = new List<List<string>>();
            if (headingBefore == p)
            {
                sentences.Add(SentenceWords(random, random.Next(4, 8)));
            }
            var lines = random.Next(2, 5);
            for (var s = 0; s < lines; s++)
            {
                sentences.Add(SentenceWords(random, random.Next(12, 28)));
            }
            paragraphs.Add(sentences);
        }
        var prose = paragraphs.SelectMany((sentences, p) => p == headingBefore ? sentences.Skip(1) : sentences).ToList();
        foreach (var phrase in mentioned)
        {
            var times = random.Next(1, 4);
            for (var t = 0; t < times; t++)
            {
                Mention(random, prose[random.Next(prose.Count)], phrase);
            }
        }

        var body = new StringBuilder();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (p > 0)
            {
                body.Append("\n\n");
            }
            var sentences = paragraphs[p];
            if (p == headingBefore)
            {
                body.Append("## ").Append(Capitalize(string.Join(' ', sentences[0]))).Append("\n\n");
                sentences = sentences.Skip(1).ToList();
            }
            body.AppendJoin(' ', sentences.Select(words => Capitalize(string.Join(' ', words)) + "."));
        }
        return body.ToString();
    }

    /// <summary>Puts a domain word (one or more words) into a sentence, at a random place.</summary>
    private static void Mention(SplitMix random, List<string> words, string phrase) =>
        words.Insert(random.Next(words.Count + 1), phrase);

    private static List<string> SentenceWords(SplitMix random, int syllables)
    {
        var words = new List<string>(syllables);
        for (var i = 0; i < syllables; i++)
        {
            // Now and then a place name or a number, as in real copy.
            var roll = random.Next(40);
            words.Add(roll switch
            {
                0 => FillerPlaces[random.Next(FillerPlaces.Length)],
                1 => random.Next(2, 2025).ToString(CultureInfo.InvariantCulture),
                _ => Syllable(random),
            });
            if (i > 2 && i < syllables - 2 && random.Next(12) == 0)
            {
                words[^1] += ",";
            }
        }
        return words;
    }

    private static string Name(SplitMix random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Capitalize(Syllable(random))));

    private static string Syllable(SplitMix random)
    {
        var onset = Onsets[random.Next(Onsets.Length)];
        var closed = random.Next(2) == 0;
        var nucleus = closed ? ClosedNuclei[random.Next(ClosedNuclei.Length)] : OpenNuclei[random.Next(OpenNuclei.Length)];
        var coda = closed ? Codas[random.Next(Codas.Length)] : "";
        // After a stop (c, ch, p, t) only sắc and nặng are possible.
        var tone = coda is "c" or "ch" or "p" or "t" ? Tones[random.Next(2) == 0 ? 1 : 5] : Tones[random.Next(Tones.Length)];
        var marked = new StringBuilder(nucleus.Length + 2);
        foreach (var c in nucleus)
        {
            if (char.IsUpper(c))
            {
                marked.Append(char.ToLowerInvariant(c)).Append(tone);
            }
            else
            {
                marked.Append(c);
            }
        }
        // "gi" + "i…" and "qu" + "u…" would double the vowel.
        var first = char.ToLowerInvariant(nucleus[0]);
        if (onset == "gi" && first == 'i')
        {
            onset = "g";
        }
        else if (onset == "qu" && first is 'u' or 'ư')
        {
            onset = "c";
        }
        return (onset + marked + coda).Normalize(NormalizationForm.FormC);
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>SplitMix64: tiny, fast and, unlike System.Random, fixed forever for a given seed.</summary>
    private sealed class SplitMix(int seed)
    {
        // The seed is mixed first: a state of seed × the increment made seed 43's stream seed 42's shifted by one
        // draw, so every seed gave the same corpus statistics, and the same early flukes.
        private ulong state = Mix((ulong)seed + 0x1234567UL);

        private ulong NextULong() => Mix(state += 0x9E3779B97F4A7C15UL);

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

        public int Next(int maxExclusive) => (int)(NextULong() % (ulong)maxExclusive);

        public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

        public long NextLong(long maxExclusive) => (long)(NextULong() % (ulong)maxExclusive);
    }
}
