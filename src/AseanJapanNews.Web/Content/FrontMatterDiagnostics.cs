using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// The front matter's shape, read from YAML's event stream rather than the deserializer: where its keys are, whether
/// it is deeper than the format, and what a deserializer's error means in an editor's terms, with the line.
/// </summary>
internal static class FrontMatterDiagnostics
{
    /// <summary>
    /// The deserializer's error in the editor's terms. It names .NET types ("Property 'category' not found on type
    /// …FrontMatter", "Invalid cast … List`1[[…]]"); the key on the error's line says what was meant: a key written
    /// a second time, a key the format does not have, or a value of the wrong kind for a key it has. Syntax errors
    /// keep YAML's own reason.
    /// </summary>
    public static ArticleFileException Explain(string yaml, YamlException error)
    {
        // YAML lines count from the line after the opening fence.
        var line = (int)error.Start.Line + 1;
        var keys = TopLevelKeys(yaml, out var wellFormed);
        if (keys is null)
        {
            return new ArticleFileException($"front matter phải là các dòng 'khóa: giá trị', ví dụ title: \"…\" (các khóa: {string.Join(", ", ArticleFileFormat.Keys)})", 2);
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
                    ArticleFileFormat.Keys.Contains(key) ? $"'{key}' {ExpectedValue(key)}" : $"khóa '{key}' không có trong front matter (các khóa dùng được: {string.Join(", ", ArticleFileFormat.Keys)})",
                    (int)keyLine + 1);
            }
        }
        return new ArticleFileException($"YAML không hợp lệ: {error.InnerException?.Message ?? error.Message}", line);
    }

    /// <summary>
    /// The front matter's keys with their (YAML) lines, read as far as the YAML is well formed; null when it is not a
    /// mapping of keys to values (empty, a list, a bare word).
    /// </summary>
    public static List<(string Key, long Line)>? TopLevelKeys(string yaml) => TopLevelKeys(yaml, out _);

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
    public static ArticleFileException? BeyondShape(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > ArticleFileFormat.MaxFrontMatterDepth:
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
}
