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
/// bodies carry real diacritics; tags follow a Zipf-like skew (a few topics on most articles, a long tail of rare
/// ones); dates cover twenty years. The output depends only on <see cref="CorpusSpec"/>: same seed, same bytes.
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
    private static readonly string[] Sources = ["Vietnam+", "VnExpress", "Tuổi Trẻ", "Thanh Niên", "Báo Quốc tế", "TTXVN", "VOV", "Dân trí"];

    /// <summary>File name (under <c>articles/</c>) and content of each article, in order.</summary>
    public IEnumerable<(string FileName, string Text)> Articles()
    {
        var random = new SplitMix(spec.Seed);
        var tags = TagNames(random);
        var weights = ZipfCumulative(tags.Count);
        var span = (long)(CorpusSpec.End - CorpusSpec.Start).TotalMinutes;
        for (var n = 1; n <= spec.Articles; n++)
        {
            var title = Sentence(random, random.Next(7, 15), capitalize: true, end: "");
            var slug = Slug.From(title);
            if (slug.Length > 80)
            {
                slug = slug[..80].TrimEnd('-');
            }
            slug = $"{slug}-{n}";
            var tagCount = 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * 6);
            var chosen = new List<string>(tagCount);
            while (chosen.Count < tagCount)
            {
                var tag = tags[Pick(weights, random.NextDouble())];
                if (!chosen.Contains(tag))
                {
                    chosen.Add(tag);
                }
            }
            var date = CorpusSpec.Start.AddMinutes(random.NextLong(span));
            var file = new ArticleFile
            {
                Title = title,
                Slug = slug,
                Date = date,
                DateHasTime = true,
                Summary = Sentence(random, random.Next(20, 40), capitalize: true, end: "."),
                Tags = chosen,
                Source = Sources[random.Next(Sources.Length)],
                Author = Name(random),
                Draft = random.Next(100) == 0,
                Body = Body(random),
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

    private static string Body(SplitMix random)
    {
        var body = new StringBuilder();
        var paragraphs = random.Next(3, 7);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                body.Append("\n\n");
            }
            if (p == 2 && random.Next(3) == 0)
            {
                body.Append("## ").Append(Sentence(random, random.Next(4, 8), capitalize: true, end: "")).Append("\n\n");
            }
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    body.Append(' ');
                }
                body.Append(Sentence(random, random.Next(12, 28), capitalize: true, end: "."));
            }
        }
        return body.ToString();
    }

    private static string Sentence(SplitMix random, int syllables, bool capitalize, string end)
    {
        var words = new List<string>(syllables);
        for (var i = 0; i < syllables; i++)
        {
            // Now and then a place name or a number, as in real copy.
            var roll = random.Next(40);
            words.Add(roll switch
            {
                0 => Places[random.Next(Places.Length)],
                1 => random.Next(2, 2025).ToString(CultureInfo.InvariantCulture),
                _ => Syllable(random),
            });
            if (i > 2 && i < syllables - 2 && random.Next(12) == 0)
            {
                words[^1] += ",";
            }
        }
        var text = string.Join(' ', words);
        return (capitalize ? Capitalize(text) : text) + end;
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
        private ulong state = (ulong)seed * 0x9E3779B97F4A7C15UL + 0x1234567UL;

        private ulong NextULong()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
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
