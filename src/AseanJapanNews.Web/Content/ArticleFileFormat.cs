using AseanJapanNews.Web.Data;
using System.Globalization;
using System.Text;
using AseanJapanNews.Web.Text;
using AseanJapanNews.Web.Text.Conversion;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AseanJapanNews.Web.Content;

/// <summary>Reads and writes the content format: <c>---</c>, YAML front matter, <c>---</c>, Markdown body.</summary>
public static class ArticleFileFormat
{
    private const string Fence = "---";

    // A key written twice would otherwise keep its last value without a word, whichever one the editor meant.
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections | DefaultValuesHandling.OmitDefaults)
        .Build();

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>
    /// Parses a whole file; throws <see cref="ArticleFileException"/> with the line of the problem. The text is
    /// cleaned as the raw-text converter cleans it (<see cref="TextHygiene"/>): control and zero-width characters
    /// go, diacritics are composed (NFC); the body keeps its Markdown layout, the front matter fields are also
    /// collapsed to single spaces.
    /// </summary>
    public static ArticleFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return ParseChecked(text);
        }
        catch (Exception e) when (e is not ArticleFileException and not OutOfMemoryException)
        {
            // Every input is meant to end in a result or an ArticleFileException with its line; this is the net under
            // that promise, so one unforeseen input refuses its own file and never the import (the fuzz tests watch it).
            throw new ArticleFileException($"{UnexpectedFailure} ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>The start of the reason given when a reader failed in a way no check foresaw.</summary>
    public const string UnexpectedFailure = "lỗi ngoài dự kiến khi đọc tệp; hãy báo cho nhóm kỹ thuật kèm tệp này";

    /// <summary>The longest front matter read: the form's fields fit in a tenth of it, quoted and escaped.</summary>
    public const int MaxFrontMatterLength = 64 * 1024;

    /// <summary>Collections inside collections: the format needs two (the keys, and the list of tags).</summary>
    public const int MaxFrontMatterDepth = 4;

    private static ArticleFile ParseChecked(string text)
    {
        var lines = TextHygiene.CleanCharacters(text).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != Fence)
        {
            throw new ArticleFileException("thiếu front matter: dòng đầu phải là '---'", 1);
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == Fence);
        if (close < 0)
        {
            throw new ArticleFileException("front matter không có dòng '---' đóng", 1);
        }

        FrontMatter fm;
        var yaml = string.Join('\n', lines[1..close]);
        if (yaml.Length > MaxFrontMatterLength)
        {
            throw new ArticleFileException(string.Create(VietnameseText.Culture,
                $"front matter quá dài: {yaml.Length:N0} ký tự, tối đa {MaxFrontMatterLength:N0}"), 1);
        }
        if (FrontMatterDiagnostics.BeyondShape(yaml) is { } shape)
        {
            throw shape;
        }
        try
        {
            fm = Reader.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            throw FrontMatterDiagnostics.Explain(yaml, e);
        }

        // The file's line of a key, or 0, as YAML reads keys ("slug :", "'slug':" too); only wanted for an error.
        List<(string Key, long Line)>? keyLines = null;
        int LineOf(string key)
        {
            keyLines ??= FrontMatterDiagnostics.TopLevelKeys(yaml) ?? [];
            return keyLines.Find(k => k.Key == key) is ({ }, var line) ? (int)line + 1 : 0;
        }

        // Again per field: YAML escapes ("\v", "\u200b") make characters the clean-up of the file never saw.
        fm.Title = CleanField(fm.Title);
        if (string.IsNullOrWhiteSpace(fm.Title))
        {
            throw new ArticleFileException("thiếu 'title'", LineOf("title") is > 0 and var l ? l : 1);
        }
        if (fm.Slug is not null && !Slug.IsValid(fm.Slug))
        {
            throw new ArticleFileException($"'slug' không hợp lệ: '{fm.Slug}' (chỉ chữ thường không dấu, số và '-')", LineOf("slug"));
        }
        if (fm.SourceUrl is not null && !ArticleLimits.IsWebAddress(fm.SourceUrl))
        {
            throw new ArticleFileException($"'source_url' phải là địa chỉ http/https tuyệt đối: '{fm.SourceUrl}'", LineOf("source_url"));
        }

        (DateTimeOffset? date, bool hasTime) = fm.Date is null ? ((DateTimeOffset?)null, false) : ParseDate(fm.Date, LineOf("date"));

        var afterFence = string.Join('\n', lines[(close + 1)..]);
        var body = afterFence.Trim('\n');
        // Line numbers are 1-based; lines[close] is the closing fence.
        var bodyLine = body.Length == 0 ? close + 1 : close + 2 + (afterFence.Length - afterFence.TrimStart('\n').Length);
        if (body.Length > ArticleLimits.MaxBodyLength)
        {
            throw new ArticleFileException(
                string.Create(VietnameseText.Culture, $"nội dung bài quá dài: {body.Length:N0} ký tự, tối đa {ArticleLimits.MaxBodyLength:N0} (như trang biên tập); phần vượt quá bắt đầu ở dòng này"),
                bodyLine + body.AsSpan(0, ArticleLimits.MaxBodyLength).Count('\n'));
        }
        if (MarkdownLimits.Check(body) is { } markdown)
        {
            throw new ArticleFileException($"nội dung bài: {markdown.Reason}", bodyLine + markdown.Line - 1);
        }
        var article = new ArticleFile
        {
            Title = fm.Title,
            Slug = fm.Slug,
            Date = date,
            DateHasTime = hasTime,
            Summary = CleanField(fm.Summary),
            Tags = (fm.Tags ?? []).Select(CleanField).OfType<string>().ToList(),
            Source = CleanField(fm.Source),
            SourceUrl = CleanField(fm.SourceUrl),
            Author = CleanField(fm.Author),
            Draft = fm.Draft ?? false,
            Body = body,
            BodyLine = bodyLine,
        };
        if (article.BeyondFormLimits() is ({ } key, var reason))
        {
            throw new ArticleFileException(reason, LineOf(key));
        }
        return article;
    }

    /// <summary>Writes an article in the content format (keys left out when unknown).</summary>
    public static string Write(ArticleFile article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var fm = new FrontMatter
        {
            Title = article.Title,
            Slug = article.Slug,
            Date = article.Date is not { } d ? null
                : article.DateHasTime ? d.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                : d.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Summary = article.Summary,
            Tags = article.Tags.Count > 0 ? article.Tags.ToList() : null,
            Source = article.Source,
            SourceUrl = article.SourceUrl,
            Author = article.Author,
            Draft = article.Draft ? true : null,
        };
        var text = new StringBuilder();
        text.Append(Fence).Append('\n');
        text.Append(Writer.Serialize(fm).Replace("\r\n", "\n", StringComparison.Ordinal));
        text.Append(Fence).Append('\n').Append('\n');
        text.Append(article.Body.Trim('\n')).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// ISO 8601 date or date-time; without an offset it is Vietnam time. The day as written must lie in
    /// <see cref="VietnamTime.EarliestDay"/>–<see cref="VietnamTime.LatestDay"/>, the range the editor and the reader filters take.
    /// </summary>
    public static (DateTimeOffset Date, bool HasTime) ParseDate(string value, int line = 0)
    {
        var v = value.Trim();
        try
        {
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (new DateTimeOffset(InRange(day, v, line).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset), false);
            }
            if (DateTimeOffset.TryParseExact(v, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                && HasExplicitOffset(v))
            {
                InRange(DateOnly.FromDateTime(instant.DateTime), v, line);
                return (instant, true);
            }
            if (DateTime.TryParseExact(v, DateTimeFormats.Select(f => f.Replace("K", "", StringComparison.Ordinal)).ToArray(),
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                InRange(DateOnly.FromDateTime(local), v, line);
                return (new DateTimeOffset(local, VietnamTime.Offset), true);
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01 in Vietnam is before the first representable UTC instant: as unreadable as any typo.
        }
        throw new ArticleFileException($"'date' không đọc được: '{v}' (cần dạng ISO 8601, ví dụ 2023-12-17 hoặc 2023-12-17T08:04:00+07:00)", line > 0 ? line : null);
    }

    /// <summary>A year typed short (0202 for 2022) would put the article in an archive year and a sitemap no link reaches.</summary>
    private static DateOnly InRange(DateOnly day, string value, int line) =>
        VietnamTime.IsInRange(day) ? day : throw new ArticleFileException(
            $"'date' nằm ngoài khoảng {VietnamTime.EarliestDay.Year}–{VietnamTime.LatestDay.Year}: '{value}' (có thể năm bị gõ thiếu chữ số)", line > 0 ? line : null);

    private static bool HasExplicitOffset(string v) =>
        v.EndsWith('Z') || (v.Length > 6 && (v[^6] is '+' or '-') && v[^3] == ':');

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? CleanField(string? s) => s is null ? null : NullIfBlank(TextHygiene.Clean(s));

    /// <summary>The front matter keys the format has, in the order they are written.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        typeof(FrontMatter).GetProperties().Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name)).ToArray();

    // Property order is the order keys are written in.
    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Slug { get; set; }
        public string? Date { get; set; }
        public string? Summary { get; set; }
        public List<string>? Tags { get; set; }
        public string? Source { get; set; }
        public string? SourceUrl { get; set; }
        public string? Author { get; set; }
        public bool? Draft { get; set; }
    }
}
