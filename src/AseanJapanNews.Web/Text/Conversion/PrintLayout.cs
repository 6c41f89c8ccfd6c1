namespace AseanJapanNews.Web.Text.Conversion;

/// <summary>
/// Text copied from a print edition (PDF): every printed line ends with a hard break, words are hyphenated at
/// the line end, running page headers ("BÁO QUẢNG NINH | Thứ Hai 3-3-2025 | Trang 1") repeat on each page, and a
/// story jumps "(Xem tiếp trang 7)" to "(Tiếp theo trang 1)" across other pages' ads and headlines. Lines are
/// re-joined into paragraphs, the jump's other-page material and the running headers go; the first running
/// header names the paper and the edition's day.
/// </summary>
internal static class PrintLayout
{
    private const int MinBrokenSentences = 5;

    /// <summary>True when at least a few lines break mid-sentence (the next line goes on in lower case).</summary>
    public static bool IsPrintLayout(IReadOnlyList<(int Number, string Text)> lines)
    {
        var broken = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!Prose.EndsSentence(lines[i].Text) && StartsLower(lines[i + 1].Text) && ++broken >= MinBrokenSentences)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The lines re-joined into paragraphs, without running headers and jumped-over pages.</summary>
    public static List<(int Number, string Text)> Reflow(List<(int Number, string Text)> lines, DraftMetadata meta, List<Removal> removals)
    {
        var kept = new List<(int Number, string Text)>();
        var jumpedOut = false;
        foreach (var line in lines)
        {
            if (RunningHeader(line.Text) is { } header)
            {
                meta.Sources.FromMasthead(header.Outlet);
                if (header.Date is { } date)
                {
                    meta.SetDate(date);
                }
                removals.Add(new Removal(line.Text, RemovalReasons.RunningHeader, line.Number));
                continue;
            }
            var marker = JumpMarker(line.Text);
            if (marker == Jump.Out)
            {
                jumpedOut = true;
            }
            if (jumpedOut || marker != Jump.None)
            {
                // From "(Xem tiếp trang 7)" to "(Tiếp theo trang 1)": other pages' ads, section labels and headlines.
                removals.Add(new Removal(line.Text, RemovalReasons.OtherPage, line.Number));
                jumpedOut &= marker != Jump.In;
                continue;
            }
            kept.Add(line);
        }
        var median = Median(kept);
        var joined = new List<(int Number, System.Text.StringBuilder Text)>();
        var lastPhysical = "";
        foreach (var line in kept)
        {
            if (joined.Count > 0 && Continues(joined[^1].Text.Length > lastPhysical.Length, lastPhysical, line.Text, median))
            {
                Join(joined[^1].Text, lastPhysical, line.Text);
            }
            else
            {
                joined.Add((line.Number, new System.Text.StringBuilder(line.Text)));
            }
            lastPhysical = line.Text;
        }
        return joined.Select(p => (p.Number, p.Text.ToString())).ToList();
    }

    private enum Jump { None, Out, In }

    private static Jump JumpMarker(string text)
    {
        var t = text.Trim().Trim('(', ')', '.', ' ').ToLowerInvariant();
        if (!t.Contains("trang ", StringComparison.Ordinal) || t.Length > 30)
        {
            return Jump.None;
        }
        return t.StartsWith("xem tiếp trang", StringComparison.Ordinal) ? Jump.Out
            : t.StartsWith("tiếp theo trang", StringComparison.Ordinal) ? Jump.In
            : Jump.None;
    }

    // "BÁO QUẢNG NINH | Thứ Hai 3-3-2025 | Trang 1": the paper, the edition's day, the page.
    private static (string? Outlet, Datelines.Dateline? Date)? RunningHeader(string text)
    {
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || !parts[^1].StartsWith("Trang ", StringComparison.OrdinalIgnoreCase) || !parts[^1][6..].All(char.IsDigit))
        {
            return null;
        }
        var outlet = Attribution.OutletShape(parts[0]) ?? Prose.NormalCaseName(parts[0]);
        return (outlet, Datelines.Parse(string.Join(' ', parts[1..^1]).Replace('-', '/')));
    }

    // Whether the physical line `next` goes on the paragraph ending in the physical line `last` (`continued`: the
    // paragraph holds more lines than that one).
    private static bool Continues(bool continued, string last, string next, double median)
    {
        if (last.EndsWith('-') || StartsLower(next))
        {
            return true;
        }
        if (Prose.EndsSentence(last))
        {
            return false;
        }
        if (IsUpper(last) && IsUpper(next))
        {
            // A headline set in capitals over two lines; a short capitalised line is a section label or a byline.
            return LineShapes.RealWordCount(last) >= 5;
        }
        // An upper-case start goes on a sentence only when the line before was a full column of prose: long, and
        // mostly lower-case words or a clause break ("… tỉnh Thanh" / "Hóa cho biết …").
        return last.Length >= 0.75 * median && !IsUpper(last) && (continued || last.Contains(',', StringComparison.Ordinal) || LowerShare(last) >= 0.5);
    }

    private static void Join(System.Text.StringBuilder paragraph, string last, string next)
    {
        if (last.EndsWith('-') && last.Length > 1 && char.IsLetter(last[^2]) && StartsLower(next))
        {
            // "Yoko-" + "hama": a foreign word split at the line end. Vietnamese compounds keep their hyphen.
            if (LastWord(last).All(c => char.IsAsciiLetter(c) || c == '-') && FirstWord(next).All(char.IsAsciiLetter))
            {
                paragraph.Length--;
            }
            paragraph.Append(next);
            return;
        }
        paragraph.Append(' ').Append(next);
    }

    private static string LastWord(string text) => text[(text.LastIndexOf(' ') + 1)..];

    private static string FirstWord(string text) => text.Split(' ', 2)[0].TrimEnd(',', '.', ';', ':', ')');

    private static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);

    private static bool IsUpper(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static double LowerShare(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? 0 : (double)words.Count(w => char.IsLower(w[0])) / words.Length;
    }

    private static double Median(List<(int Number, string Text)> lines)
    {
        var lengths = lines.Select(l => l.Text.Length).Order().ToList();
        return lengths.Count == 0 ? 0 : lengths[lengths.Count / 2];
    }
}
