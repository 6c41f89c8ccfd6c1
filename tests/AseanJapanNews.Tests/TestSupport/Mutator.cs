using System.Text;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// Makes broken variants of a good input, seeded so a failure names the case that reproduces it: byte flips,
/// truncations, invalid UTF-8, BOMs and control characters, YAML and Markdown structure breakers, aliases, deep
/// nesting and huge lines, one to three at a time.
/// </summary>
public sealed class Mutator(int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[] YamlBreakers =
        ["[", "]", "{", "}", "\"", "'", ": ", "- ", "? ", "|", ">", "&a ", "*a", "!!str ", "!!binary ", "!<tag:x> ", "%YAML 1.2\n", "---\n", "...\n", "\t", "#", ",", "<<: *a\n", "\\u0000", "\\x", "~"];

    private static readonly string[] MarkdownBreakers =
        ["> ", "- ", "* ", "1. ", "[", "]", "](", "![", "*_", "_*", "**", "~~", "^^^", "^^^ ", "```", "`", "|", "|-|", "<", "&#", "&#x110000;", "\\", "    ", "\n\n", "#", "[^1]", "<http://", "https://"];

    private static readonly string[] Odd =
        ["\0", "\v", "\f", "\u001b", "\u0085", "\u2028", "\u2029", "\u200b", "\ufeff", "\ud83c\uddfb\ud83c\uddf3", "e\u0301", "\r", "\r\n", "đ", "Ậ", "\ufffd"];

    public string Describe { get; private set; } = "";

    /// <summary>One variant of <paramref name="input"/>: 1–3 mutations, each named in <see cref="Describe"/>.</summary>
    public byte[] Mutate(byte[] input)
    {
        var bytes = new List<byte>(input);
        var names = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            names.Add(MutateOnce(bytes));
        }
        Describe = string.Join(", ", names);
        return [.. bytes];
    }

    private string MutateOnce(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
        switch (random.Next(14))
        {
            case 0:
                if (bytes.Count > 0)
                {
                    var i = random.Next(bytes.Count);
                    bytes[i] ^= (byte)(1 << random.Next(8));
                }
                return $"flip@{at}";
            case 1:
                bytes.RemoveRange(at, bytes.Count - at);
                return $"truncate@{at}";
            case 2:
                bytes.Insert(at, (byte)random.Next(256));
                return $"byte@{at}";
            case 3:
                var invalid = new byte[][] { [0xC3], [0xFF], [0xE1, 0xBA], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF] }[random.Next(6)];
                bytes.InsertRange(at, invalid);
                return $"invalid-utf8@{at}";
            case 4:
                bytes.InsertRange(random.Next(2) == 0 ? 0 : at, [0xEF, 0xBB, 0xBF]);
                return "bom";
            case 5:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(Odd)));
                return $"odd-char@{at}";
            case 6:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(YamlBreakers)));
                return $"yaml-breaker@{at}";
            case 7:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(MarkdownBreakers)));
                return $"markdown-breaker@{at}";
            case 8:
                var depth = random.Next(2) == 0 ? random.Next(5, 200) : random.Next(200, 20_000);
                var (open, close) = new (string, string)[] { ("[", "]"), ("{", "}"), ("> ", ""), ("*_", "_*"), ("[", ""), ("[a](", ""), ("- ", ""), ("  - a\n", ""), ("![", "]") }[random.Next(9)];
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Repeat(open, depth) + "x" + Repeat(close, depth)));
                return $"nesting {open.Trim()}x{depth}@{at}";
            case 9:
                var length = random.Next(2) == 0 ? random.Next(1_000, 20_000) : random.Next(100_000, 400_000);
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string(Pick(['a', ' ', '*', '[', 'đ', '-', '\t', '|', '`', ':']), length)));
                return $"huge-line {length}@{at}";
            case 10:
                var alias = "a0: &a0 [x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, random.Next(3, 12))
                    .Select(i => $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"));
                bytes.InsertRange(random.Next(2) == 0 ? Math.Min(4, bytes.Count) : at, Encoding.UTF8.GetBytes(alias));
                return "alias-bomb";
            case 11:
                if (bytes.Count > 0)
                {
                    var from = random.Next(bytes.Count);
                    var span = Math.Min(bytes.Count - from, random.Next(1, 4096));
                    var copy = bytes.GetRange(from, span);
                    for (var n = random.Next(1, 20); n > 0; n--)
                    {
                        bytes.InsertRange(at, copy);
                    }
                }
                return $"duplicate@{at}";
            case 12:
                if (bytes.Count > 0)
                {
                    var from = random.Next(bytes.Count);
                    bytes.RemoveRange(from, Math.Min(bytes.Count - from, random.Next(1, 64)));
                }
                return $"delete@{at}";
            default:
                // Line endings and fences: the front matter's own structure.
                var swap = Pick(["\r\n", "\r", "\n---\n", "\n---", "---\n", "\n\n\n"]);
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(swap));
                return $"structure@{at}";
        }
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Repeat(string s, int n) => n <= 0 || s.Length == 0 ? "" : new StringBuilder(s.Length * n).Insert(0, s, n).ToString();
}
