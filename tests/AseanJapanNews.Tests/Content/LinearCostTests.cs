using System.Diagnostics;
using System.Text;
using AseanJapanNews.Tests.TestSupport;
using AseanJapanNews.Web.Content;

namespace AseanJapanNews.Tests.Content;

/// <summary>
/// No input costs more than linear time: for each shape that once cost quadratic time (or might), eight times the
/// input costs about eight times the work, measured side by side in one run (the best of several timings, so a
/// busy machine does not decide). Quadratic cost would be 64 times; the bound is 24. The class runs alone, after
/// the tests that run in parallel.
/// </summary>
[Collection(nameof(LinearCostTests))]
[CollectionDefinition(nameof(LinearCostTests), DisableParallelization = true)]
public sealed class LinearCostTests(ITestOutputHelper output)
{
    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static string File(string frontMatter, string body) => $"---\ntitle: \"Bài\"\ndate: 2023-12-17\n{frontMatter}---\n\n{body}\n";

    private static readonly RawTextDrafts Converter = new(RepoPaths.Content);

    /// <summary>Shape name → (input of size n, what reads it).</summary>
    private static readonly Dictionary<string, (Func<int, string> Make, Action<string> Read)> Shapes = new(StringComparer.Ordinal)
    {
        ["deep yaml brackets"] = (n => File("tags: " + Repeat("[", n) + Repeat("]", n) + "\n", "x"), Parse),
        ["deep yaml block sequences"] = (n => File("tags:\n" + string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', i % 200) + "-\n")), "x"), Parse),
        ["yaml escapes"] = (n => File("summary: \"" + Repeat("\\\"\\u1EA1", n) + "\"\n", "x"), Parse),
        ["deep quotes"] = (n => File("", Repeat("> ", n) + "x"), Parse),
        ["unclosed links"] = (n => File("", Repeat("[a](", n)), Parse),
        ["emphasis pairs"] = (n => File("", Repeat("*_", n) + "x" + Repeat("_*", n)), Parse),
        ["paragraphs full of emphasis"] = (n => Repeat(Repeat("a*b ", 240) + "\n\n", n / 200), Render),
        ["paragraphs full of links"] = (n => Repeat(Repeat("[a](b) ", 240) + "\n\n", n / 200), Render),
        ["one long line of markup"] = (n => Repeat("a*b [c] _d_ ", n / 4), Render),
        ["raw text, one huge line"] = (n => Repeat("Thủ tướng Nhật Bản thăm Việt Nam ", n / 8), Convert),
        ["raw text, many short lines"] = (n => "Tiêu đề bài viết về hợp tác Việt Nam - Nhật Bản\n\n" + Repeat("Chia sẻ\nBình luận\nĐoạn văn thật của bài viết, có dấu chấm.\n", n / 20), Convert),
    };

    private static void Parse(string text)
    {
        try
        {
            ArticleFileFormat.Parse(text);
        }
        catch (ArticleFileException)
        {
        }
    }

    private static void Render(string body)
    {
        ArticleMarkdown.ToHtml(body);
        ArticleMarkdown.ToPlainText(body);
    }

    private static void Convert(string raw)
    {
        try
        {
            Converter.Convert(raw);
        }
        catch (ArticleFileException)
        {
        }
    }

    public static TheoryData<string> ShapeNames => new(Shapes.Keys);

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void EightTimesTheInput_CostsAboutEightTimesTheWork(string shape)
    {
        var (make, read) = Shapes[shape];
        // Inputs the size of real files (the larger at most 400,000 characters, past which the machine's caches, not
        // the code, decide the ratio); a small reading is repeated until it takes long enough to time.
        var n = 2_000;
        while (make(16 * n).Length <= 400_000)
        {
            n *= 2;
        }
        var small = make(n);
        var large = make(8 * n);
        var repeats = 1;
        while (Best(read, small, 1, repeats) < TimeSpan.FromMilliseconds(5) && repeats < 4096)
        {
            repeats *= 2;
        }

        var smallTime = Best(read, small, 5, repeats);
        var largeTime = Best(read, large, 5, repeats);

        var ratio = largeTime / smallTime;
        output.WriteLine($"{shape}: {small.Length:N0} chars {smallTime.TotalMilliseconds:F2} ms, {large.Length:N0} chars {largeTime.TotalMilliseconds:F2} ms, ratio {ratio:F1}");
        Assert.True(ratio < 24, $"{shape}: 8× the input took {ratio:F1}× the time ({smallTime.TotalMilliseconds:F2} → {largeTime.TotalMilliseconds:F2} ms)");
    }

    private static TimeSpan Best(Action<string> read, string input, int runs, int repeats)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            // A collection the run did not cause would be counted against it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            for (var r = 0; r < repeats; r++)
            {
                read(input);
            }
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }
        return best;
    }
}
