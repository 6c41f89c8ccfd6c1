using System.Text;

namespace AseanJapanNews.Tests.Content;

/// <summary>
/// Content files that once crashed the import, or cost it minutes, one of each class that generated variants of the
/// launch files found (issue 22), plus the ones found since. Each must be refused with its line and a reason, alone.
/// </summary>
public static class BrokenFiles
{
    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private const string Good = "title: \"Bài tốt\"\ndate: 2023-12-17\n";

    /// <summary>Class name → the whole file's text.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["unclosed-bracket-then-a-key"] = "---\ntitle: [unclosed\nsource: \"x\"\ndate: 2023-12-17\n---\n\nThân bài.\n",
        ["unclosed-brace-then-a-key"] = "---\ntitle: {unclosed\nsource: \"x\"\n---\n\nThân bài.\n",
        ["empty-front-matter"] = "---\n---\nThân bài.\n",
        ["comment-only-front-matter"] = "---\n# chỉ có ghi chú\n---\nThân bài.\n",
        ["front-matter-is-a-list"] = "---\n- title\n- date\n---\nThân bài.\n",
        ["unterminated-quote"] = "---\ntitle: \"Bài chưa đóng ngoặc\ndate: 2023-12-17\n---\nThân bài.\n",
        ["yaml-alias-bomb"] = "---\n" + Good + "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntags: *c\n---\nThân bài.\n",
        ["yaml-alias-in-tags"] = "---\n" + Good + "summary: &s \"Sapo\"\ntags: [*s, *s]\n---\nThân bài.\n",
        ["yaml-deep-brackets-under-the-size-limit"] = "---\n" + Good + "tags: " + Repeat("[", 20_000) + Repeat("]", 20_000) + "\n---\nThân bài.\n",
        ["yaml-deep-brackets"] = "---\n" + Good + "tags: " + Repeat("[", 100_000) + Repeat("]", 100_000) + "\n---\nThân bài.\n",
        ["yaml-deep-block-sequences"] = "---\n" + Good + "tags:\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "-\n")) + "---\nThân bài.\n",
        ["yaml-unknown-tag"] = "---\ntitle: !!python/object:os.system \"rm\"\ndate: 2023-12-17\n---\nThân bài.\n",
        ["markdown-128-quotes"] = "---\n" + Good + "---\n\n" + Repeat("> ", 128) + "Trích dẫn.\n",
        ["markdown-100-level-list"] = "---\n" + Good + "---\n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- mục\n")),
        ["markdown-10000-emphasis-pairs"] = "---\n" + Good + "---\n\n" + Repeat("*_", 10_000) + "x" + Repeat("_*", 10_000) + "\n",
        ["markdown-50000-unclosed-brackets"] = "---\n" + Good + "---\n\n" + Repeat("[", 50_000) + "\n",
        ["markdown-25000-unclosed-links"] = "---\n" + Good + "---\n\n" + Repeat("[a](", 25_000) + "\n",
        ["markdown-table-of-100000-cells"] = "---\n" + Good + "---\n\n" + Repeat("|", 100_000) + "\n",
        ["markdown-20000-image-openers"] = "---\n" + Good + "---\n\n" + Repeat("![a", 20_000) + "\n",
        ["front-matter-too-long"] = "---\n" + Good + "summary: \"" + Repeat("dài ", 20_000) + "\"\n---\nThân bài.\n",
    };

    /// <summary>Files that are not UTF-8 text at all, as bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Binary { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["invalid-utf8-in-title"] = [.. "---\ntitle: \""u8, 0xC3, 0x28, .. "\"\ndate: 2023-12-17\n---\nx\n"u8],
        ["png-renamed-md"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
        ["utf16-with-bom"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("---\ntitle: \"x\"\n---\nx\n")],
    };

    public static IReadOnlyList<string> Names { get; } = [.. All.Keys.Concat(Binary.Keys).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Cases => new(Names);

    public static byte[] Bytes(string name) => Binary.TryGetValue(name, out var bytes) ? bytes : new UTF8Encoding(false).GetBytes(All[name]);
}
