using System.Text.RegularExpressions;

namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>Who wrote it and where it came from: "Theo …" lines, bylines, outlet datelines, bare names.</summary>
internal static partial class Attribution
{
    /// <param name="Author">The reporter's name in normal case.</param>
    /// <param name="Source">The outlet the byline names as the reporter's own ("Thu Hà/VOV.VN", "HẢI NGỌC (Vietnam+)").</param>
    /// <param name="Credit">The outlet a "(Theo X)" after the byline credits as the reporter's material ("… (Theo Kyodo)").</param>
    public sealed record Byline(string? Author, string? Source, string? Credit = null);

    /// <param name="Source">The outlet's display name, or null when the tag is not in the outlet table.</param>
    /// <param name="Tag">The tag as written ("HNMO", "VOV.VN").</param>
    public sealed record OutletDateline(string? Source, string Rest, Datelines.Dateline? Date, string Tag = "");

    /// <summary>"Theo Vnexpress", "(Theo TTXVN)", "Nguồn: Báo Nhân Dân" → the outlet's display name.</summary>
    public static string? SourceLine(string line, CleaningRules rules)
    {
        var m = SourceLinePattern().Match(line);
        if (!m.Success)
        {
            return null;
        }
        var source = m.Groups["src"].Value.Trim();
        if (Prose.WordCount(source) > 8 || !(char.IsUpper(source[0]) || OutletWord().IsMatch(source)))
        {
            return null;
        }
        return Outlet(source, rules) ?? char.ToUpperInvariant(source[0]) + source[1..];
    }

    /// <summary>
    /// "HẢI NGỌC (Vietnam+)", "Thu Hà/VOV.VN", "Bài và ảnh: Minh Anh", "Tác giả: Lan Hương" → author
    /// in normal case and the outlet, when given.
    /// </summary>
    public static Byline? ParseByline(string line, CleaningRules rules)
    {
        // "Thu Hằng (lược dịch)", "Thùy Dương/VTV.vn (Theo Reuters)": a role or the original outlet after the byline.
        var suffix = BylineSuffix().Match(line);
        if (suffix.Success)
        {
            var main = suffix.Groups["main"].Value.Trim();
            var inner = IsName(main) ? new Byline(Prose.NormalCaseName(main), null) : ParseByline(main, rules);
            if (inner is not null)
            {
                return suffix.Groups["src"].Success
                    ? inner with { Credit = Outlet(suffix.Groups["src"].Value, rules) ?? suffix.Groups["src"].Value.Trim() }
                    : inner;
            }
        }
        var labelled = LabelledByline().Match(line);
        if (labelled.Success)
        {
            var name = labelled.Groups["name"].Value.Trim();
            var inParens = NameWithOutlet().Match(name);
            return inParens.Success && IsName(inParens.Groups["name"].Value)
                ? new Byline(Prose.NormalCaseName(inParens.Groups["name"].Value), Outlet(inParens.Groups["outlet"].Value, rules))
                : IsName(name) ? new Byline(Prose.NormalCaseName(name), null) : null;
        }
        var m = NameWithOutlet().Match(line);
        if (m.Success && IsName(m.Groups["name"].Value))
        {
            var outlet = m.Groups["outlet"].Value;
            var resolved = Outlet(outlet, rules);
            // In parentheses anything outlet-like will do; after a slash it must be a known outlet.
            if (resolved is not null || (m.Groups["paren"].Success && LooksLikeOutlet(outlet)))
            {
                return new Byline(Prose.NormalCaseName(m.Groups["name"].Value), resolved ?? TheoPrefix().Replace(outlet.Trim(), ""));
            }
        }
        return null;
    }

    /// <summary>
    /// A closing byline run together with the source line after it, as one-line dumps leave them:
    /// "Bài và ảnh: Quang Huy Theo Báo Nhân Dân" → author Quang Huy, source Báo Nhân Dân.
    /// </summary>
    public static (string Author, string Source)? BylineThenSource(string line, CleaningRules rules)
    {
        var m = BylineThenSourcePattern().Match(line);
        if (!m.Success || SourceLine(m.Groups["src"].Value, rules) is not { } source)
        {
            return null;
        }
        var author = ParseByline(m.Groups["byline"].Value, rules)?.Author ?? BareName(m.Groups["byline"].Value, rules);
        return author is null ? null : (author, source);
    }

    /// <summary>A line that is only a personal name ("Hoài Thu", "HẢI NGỌC", "Minh Anh - Thu Hà"), possibly after academic titles ("PGS, TS. Nguyễn Thị Thu Hà").</summary>
    public static string? BareName(string line, CleaningRules rules)
    {
        if (ReporterOnly().IsMatch(line))
        {
            return line.Trim();
        }
        if (IsName(line) && rules.OutletName(line) is null && OutletShape(line) is null)
        {
            return Prose.NormalCaseName(line);
        }
        var titled = AcademicTitles().Match(line);
        return titled.Success && IsName(line[titled.Length..]) ? line.Trim() : null;
    }

    /// <summary>
    /// The name of an outlet the table does not know, recognised by its shape: a kind of outlet ("Báo", "Tạp chí",
    /// "Thời báo", "Đài", "Truyền hình", "Cổng thông tin điện tử", "Bản tin") followed by one to six capitalised words,
    /// as a masthead, a running page header or a closing credit prints it ("BÁO QUẢNG NINH" → "Báo Quảng Ninh").
    /// </summary>
    public static string? OutletShape(string text)
    {
        var t = text.Trim().TrimEnd('.', ':');
        var m = OutletKind().Match(t);
        if (!m.Success || t.Length > 70)
        {
            return null;
        }
        var words = t[m.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Capitalised words, "Việt – Nhật" dashes and a trailing "Online"/"điện tử" are part of a name; any other
        // lower-case word makes it a phrase ("Báo cáo cho thấy …").
        var nameWords = words.Where(w => w is not ("-" or "–" or "&") && !w.Equals("điện", StringComparison.OrdinalIgnoreCase) && !w.Equals("tử", StringComparison.OrdinalIgnoreCase)).ToList();
        if (nameWords.Count is < 1 or > 6 || !nameWords.All(w => char.IsUpper(w[0]) || (w.Length > 1 && char.IsDigit(w[0]))))
        {
            return null;
        }
        var kind = m.Value.Trim();
        var name = string.Join(' ', words);
        var upper = !t.Any(char.IsLower);
        return upper
            ? char.ToUpperInvariant(kind[0]) + kind[1..].ToLowerInvariant() + " " + Prose.NormalCaseName(name)
            : kind + " " + name;
    }

    /// <summary>"baodanang.vn", "Baonghean.vn": an outlet tag that is a domain, usable as the source when the table does not know it.</summary>
    public static bool IsDomainTag(string tag) => DomainTag().IsMatch(tag.Trim());

    /// <summary>
    /// An outlet dateline opening the first paragraph: "(TTXVN) - ", "Tokyo (TTXVN) - ", "VOV.VN - ",
    /// "(Dân trí) - ", "TTO - ", "(Chinhphu.vn) - ", "(PLO)- ". A tag in the outlet table gives the source;
    /// an unknown one is still taken as a dateline (so it does not stay in the lead, source null) when it has
    /// the shape of an outlet tag: one to three upper-case words or a domain, in brackets or bare before a dash
    /// ("(HNMO) -", "(Baodautu.vn) -", "SGGPO -", "NHK WORLD-JAPAN -").
    /// </summary>
    public static OutletDateline? ParseOutletDateline(string paragraph, CleaningRules rules)
    {
        var m = ParenDateline().Match(paragraph);
        if (m.Success && Prose.WordCount(m.Groups["pre"].Value) <= 6)
        {
            var tag = m.Groups["outlet"].Value;
            var source = Outlet(tag, rules);
            var pre = m.Groups["pre"].Value.Trim(' ', ',', '-');
            // An unknown tag needs a tag's shape and at most a place or date before it ("Tokyo (HNMO) -"), so
            // "Ông Nguyễn Văn A (Bộ Công Thương) - người …" stays prose.
            if (source is not null || (UnknownTag().IsMatch(tag.Trim()) && Prose.WordCount(pre) <= 3))
            {
                return new OutletDateline(source, m.Groups["rest"].Value, pre.Length > 0 ? Datelines.Parse(pre) : null, tag.Trim());
            }
        }
        m = BareDateline().Match(paragraph);
        if (m.Success && Outlet(m.Groups["outlet"].Value, rules) is { } bare)
        {
            return new OutletDateline(bare, m.Groups["rest"].Value, null, m.Groups["outlet"].Value);
        }
        m = BareTagDateline().Match(paragraph);
        if (m.Success)
        {
            return new OutletDateline(Outlet(m.Groups["outlet"].Value, rules), m.Groups["rest"].Value, null, m.Groups["outlet"].Value);
        }
        return null;
    }

    /// <summary>Display name for an outlet named directly or as "A/B" (the last known part wins).</summary>
    public static string? Outlet(string name, CleaningRules rules)
    {
        var trimmed = TheoPrefix().Replace(name.Trim().Trim('(', ')', '.', ' '), "");
        if (trimmed.Length == 0)
        {
            return null;
        }
        return rules.OutletName(trimmed)
            ?? trimmed.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(rules.OutletName).LastOrDefault(n => n is not null);
    }

    public static bool IsName(string text)
    {
        var t = text.Trim();
        return t.Length is >= 3 and <= 45 && PersonalName().IsMatch(t);
    }

    private static bool LooksLikeOutlet(string text) =>
        text.Length <= 30 && text.Any(char.IsUpper) && Prose.WordCount(text) <= 4;

    [GeneratedRegex(@"^(?:báo điện tử|báo|tạp chí|thời báo|tuần báo|nhật báo|đài phát thanh và truyền hình|đài phát thanh - truyền hình|đài truyền hình|đài|truyền hình|cổng thông tin điện tử|cổng thông tin|cổng ttđt|bản tin)(?= )", RegexOptions.IgnoreCase)]
    private static partial Regex OutletKind();

    [GeneratedRegex(@"^(?:(?:GS|PGS|TS|ThS|NCS|BS|KS|LS|CN|TSKH)\.?,?\s*)+(?=\p{Lu})")]
    private static partial Regex AcademicTitles();

    [GeneratedRegex(@"^\p{L}[\p{L}\d-]{1,30}\.(?:vn|com|net|org|jp|info)(?:\.vn)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainTag();

    [GeneratedRegex(@"^\(?\s*(?:theo|nguồn)\s*:?\s+(?<src>[^,;()]{2,80}?)\s*\)?\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLinePattern();

    [GeneratedRegex(@"^(?<main>[^()]{3,60}?)\s*\(\s*(?:(?:lược dịch|biên dịch|dịch|tổng hợp|lược thuật|tổng hợp và dịch)|theo\s+(?<src>[^()]{2,40}?))\s*\)\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex BylineSuffix();

    // A byline that names no one: "PV", "Nhóm PV", "Nhóm phóng viên".
    [GeneratedRegex(@"^(?:nhóm\s+)?(?:PV|phóng viên)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReporterOnly();

    [GeneratedRegex(@"^(?:theo|nguồn)\s*:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex TheoPrefix();

    [GeneratedRegex(@"^(báo|tạp chí|trang|đài|hãng|kênh|cổng)\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutletWord();

    [GeneratedRegex(@"^(?<byline>.{3,80}?)\s+(?<src>\(?(?:Theo|THEO|Nguồn:?|NGUỒN:?)\s+\S.{1,60})$")]
    private static partial Regex BylineThenSourcePattern();

    [GeneratedRegex(@"^(?:tác giả|(?:bài|tin)(?: và| ,|,| &)? ảnh|bài|phóng viên|pv|nhóm phóng viên|thực hiện|ghi chép|người viết|by)\s*:\s*(?<name>.{2,70})$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledByline();

    [GeneratedRegex(@"^(?<name>[^()/]{3,45}?)\s*(?:(?<paren>\()\s*(?<outlet>[^()]{2,40})\s*\)|/\s*(?<outlet>[^()/]{2,30}(?:/[^()/]{2,30})?))\s*\.?$")]
    private static partial Regex NameWithOutlet();

    [GeneratedRegex(@"^(?<pre>[^()]{0,50}?)\(\s*(?<outlet>[^()]{2,30}?)\s*\)\s*[-–—:]+\s*(?<rest>\S.*)$")]
    private static partial Regex ParenDateline();

    [GeneratedRegex(@"^(?<outlet>[\p{L}\d.+&]{2,20}(?: [\p{L}.+]{2,12})?)(?:\s*[-–—]\s+|\.\s+)(?<rest>\p{Lu}.*)$")]
    private static partial Regex BareDateline();

    // The shape of an outlet tag that is not in the table: one to three upper-case words ("SGGPO", "HNMO",
    // "ĐTO", "NHK WORLD-JAPAN") or a domain ("Baodautu.vn"). Nothing in lower case, so "Hôm qua - …" stays prose.
    private const string TagShape = @"\p{L}[\p{L}\d-]{1,30}\.(?:vn|com|net|org|jp|info)(?:\.vn)?|\p{Lu}[\p{Lu}\d.+&-]{1,20}(?: [\p{Lu}\d&][\p{Lu}\d.+&-]{0,15}){0,2}";

    [GeneratedRegex("^(?:" + TagShape + ")$")]
    private static partial Regex UnknownTag();

    [GeneratedRegex(@"^(?<outlet>" + TagShape + @")\s*[-–—]\s+(?<rest>\p{Lu}.*)$")]
    private static partial Regex BareTagDateline();

    // Two to five capitalised words (or ALL CAPS), optionally two names joined by "-", "," or "và".
    [GeneratedRegex(@"^(?:\p{Lu}[\p{Ll}\p{Lu}]*\.?)(?:\s+\p{Lu}[\p{Ll}\p{Lu}]*){1,4}(?:\s*(?:[-–,]|và)\s*\p{Lu}[\p{Ll}\p{Lu}]*(?:\s+\p{Lu}[\p{Ll}\p{Lu}]*){1,4})?$")]
    private static partial Regex PersonalName();
}
