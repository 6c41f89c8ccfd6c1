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
        if (BeyondShape(yaml) is { } shape)
        {
            throw shape;
        }
        try
        {
            fm = Reader.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            throw Explain(yaml, e);
        }

        // The file's line of a key, or 0, as YAML reads keys ("slug :", "'slug':" too); only wanted for an error.
        List<(string Key, long Line)>? keyLines = null;
        int LineOf(string key)
        {
            keyLines ??= TopLevelKeys(yaml) ?? [];
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
        if (fm.SourceUrl is not null && !IsHttpUrl(fm.SourceUrl))
        {
            throw new ArticleFileException($"'source_url' phải là địa chỉ http/https tuyệt đối: '{fm.SourceUrl}'", LineOf("source_url"));
        }

        (DateTimeOffset? date, bool hasTime) = fm.Date is null ? ((DateTimeOffset?)null, false) : ParseDate(fm.Date, LineOf("date"));

        var afterFence = string.Join('\n', lines[(close + 1)..]);
        var body = afterFence.Trim('\n');
        // Line numbers are 1-based; lines[close] is the closing fence.
        var bodyLine = body.Length == 0 ? close + 1 : close + 2 + (afterFence.Length - afterFence.TrimStart('\n').Length);
        if (body.Length > ArticleFile.MaxBodyLength)
        {
            throw new ArticleFileException(
                string.Create(VietnameseText.Culture, $"nội dung bài quá dài: {body.Length:N0} ký tự, tối đa {ArticleFile.MaxBodyLength:N0} (như trang biên tập); phần vượt quá bắt đầu ở dòng này"),
                bodyLine + body.AsSpan(0, ArticleFile.MaxBodyLength).Count('\n'));
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

    /// <summary>
    /// The deserializer's error in the editor's terms. It names .NET types ("Property 'category' not found on type
    /// …FrontMatter", "Invalid cast … List`1[[…]]"); the key on the error's line says what was meant: a key written
    /// a second time, a key the format does not have, or a value of the wrong kind for a key it has. Syntax errors
    /// keep YAML's own reason.
    /// </summary>
    private static ArticleFileException Explain(string yaml, YamlException error)
    {
        // YAML lines count from the line after the opening fence.
        var line = (int)error.Start.Line + 1;
        var keys = TopLevelKeys(yaml, out var wellFormed);
        if (keys is null)
        {
            return new ArticleFileException($"front matter phải là các dòng 'khóa: giá trị', ví dụ title: \"…\" (các khóa: {string.Join(", ", Keys)})", 2);
        }
        // Not even well-formed: YAML's own reason, below, is the one to show.
        if (wellFormed)
        {
            if (keys.LastOrDefault(k => k.Line <= error.Start.Line) is ({ } key, var keyLine))
            {
                // The deserializer stops at a key's second occurrence, before reading its value.
                if (keys.Find(k => k.Key == key).Line is var firstLine && firstLine < keyLine)
                {
                    return new ArticleFileException(
                        $"khóa '{key}' bị lặp lại (đã có ở dòng {firstLine + 1}); mỗi khóa chỉ được viết một lần", (int)keyLine + 1);
                }
                return new ArticleFileException(
                    Keys.Contains(key) ? $"'{key}' {ExpectedValue(key)}" : $"khóa '{key}' không có trong front matter (các khóa dùng được: {string.Join(", ", Keys)})",
                    (int)keyLine + 1);
            }
        }
        return new ArticleFileException($"YAML không hợp lệ: {error.InnerException?.Message ?? error.Message}", line);
    }

    /// <summary>
    /// The front matter's keys with their (YAML) lines, read as far as the YAML is well formed; null when it is not a
    /// mapping of keys to values (empty, a list, a bare word).
    /// </summary>
    private static List<(string Key, long Line)>? TopLevelKeys(string yaml) => TopLevelKeys(yaml, out _);

    private static List<(string Key, long Line)>? TopLevelKeys(string yaml, out bool wellFormed)
    {
        var parser = new Parser(new StringReader(yaml));
        var keys = new List<(string, long)>();
        wellFormed = false;
        try
        {
            if (!parser.TryConsume<StreamStart>(out _) || !parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
            {
                return null;
            }
            while (parser.Current is { } key and not MappingEnd)
            {
                keys.Add((key is Scalar scalar ? scalar.Value : "?", key.Start.Line));
                parser.SkipThisAndNestedEvents();
                parser.SkipThisAndNestedEvents();
            }
            wellFormed = true;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or EndOfStreamException)
        {
            // Malformed further on (an unclosed '[' runs into the next key): the keys before it are still right.
        }
        return keys;
    }

    /// <summary>
    /// Walks the YAML's events once, before anything builds on them: nesting deeper than the format has is refused at
    /// its line (YamlDotNet's scanner costs time in proportion to the depth for every token, so 100,000 '[' took 37 s),
    /// and so are aliases (the format has no use for them; they are how YAML bombs repeat text). Syntax errors are left
    /// to the deserializer, which explains them.
    /// </summary>
    private static ArticleFileException? BeyondShape(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxFrontMatterDepth:
                        return new ArticleFileException(
                            "front matter lồng nhau quá sâu: mỗi khóa nhận một giá trị chữ, riêng 'tags' nhận một danh sách chữ", (int)parser.Current.Start.Line + 1);
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case AnchorAlias alias:
                        return new ArticleFileException(
                            $"front matter không dùng được tham chiếu YAML ('*{alias.Value}'); hãy viết giá trị ra, hoặc đặt nó trong dấu ngoặc kép", (int)alias.Start.Line + 1);
                }
            }
        }
        catch (YamlException)
        {
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some plain scalars inside an unclosed '[' or
            // '{' ("title: [chưa đóng" followed by "source: x"); the deserializer would meet the same.
            return new ArticleFileException(
                "YAML không hợp lệ: có dấu '[' hoặc '{' chưa đóng, hoặc dấu ':' trong một giá trị chưa đặt trong ngoặc kép",
                (int)(parser.Current?.Start.Line ?? 0) + 1);
        }
        return null;
    }

    private static string ExpectedValue(string key) => key switch
    {
        "tags" => "phải là danh sách chủ đề, ví dụ tags: [ASEAN, Nhật Bản]",
        "draft" => "phải là true hoặc false",
        "date" => "phải là một ngày, ví dụ date: 2023-12-17 hoặc 2023-12-17T08:04:00+07:00",
        _ => $"phải là một giá trị chữ, ví dụ {key}: \"…\" (không phải danh sách hay nhóm khóa)",
    };

    /// <summary>A year typed short (0202 for 2022) would put the article in an archive year and a sitemap no link reaches.</summary>
    private static DateOnly InRange(DateOnly day, string value, int line) =>
        VietnamTime.IsInRange(day) ? day : throw new ArticleFileException(
            $"'date' nằm ngoài khoảng {VietnamTime.EarliestDay.Year}–{VietnamTime.LatestDay.Year}: '{value}' (có thể năm bị gõ thiếu chữ số)", line > 0 ? line : null);

    private static bool HasExplicitOffset(string v) =>
        v.EndsWith('Z') || (v.Length > 6 && (v[^6] is '+' or '-') && v[^3] == ':');

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

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
