using System.Globalization;

namespace AseanJapanNews.Web.Content;

/// <summary>A body the Markdown pipeline is not given: the body's line (1-based) and a Vietnamese reason.</summary>
public sealed record MarkdownProblem(int Line, string Reason);

/// <summary>
/// What the Markdown pipeline is never asked to parse, checked in one linear pass before it is: nesting deeper
/// than Markdig takes (it throws past 128 levels of quotes, lists or emphasis), and paragraphs so full of inline
/// markers that Markdig's delimiter matching turns quadratic (25,000 unclosed <c>[a](</c> took 2.4 s, 50,000 took
/// 9.5 s). No real article comes near either limit; a body that does is refused with its line, never half parsed.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Quote and list markers that one line may open (<c>&gt; &gt; - </c> is three).</summary>
    public const int MaxNesting = 16;

    /// <summary>Leading indentation, in columns: a list nested by indentation alone needs two per level.</summary>
    public const int MaxIndent = 64;

    /// <summary>Emphasis and link markers in one paragraph (a run of lines without a blank one).</summary>
    public const int MaxMarkersPerParagraph = 1000;

    /// <summary>Table cells on one line: Markdig keeps about 200 bytes per cell, and no news table is this wide.</summary>
    public const int MaxCellsPerLine = 200;

    public static MarkdownProblem? Check(string? markdown)
    {
        var text = markdown ?? "";
        var line = 1;
        var paragraphLine = 1;
        var markers = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }
            var current = text.AsSpan(start, end - start);
            if (current.IsWhiteSpace())
            {
                markers = 0;
                paragraphLine = line + 1;
            }
            else
            {
                if (Prefix(current) is { } problem)
                {
                    return new MarkdownProblem(line, problem);
                }
                if (current.Count('|') > MaxCellsPerLine)
                {
                    return new MarkdownProblem(line, $"một dòng có quá nhiều dấu '|' (bảng quá nhiều cột): hơn {MaxCellsPerLine}");
                }
                markers += CountMarkers(current);
                if (markers > MaxMarkersPerParagraph)
                {
                    return new MarkdownProblem(paragraphLine, string.Create(CultureInfo.InvariantCulture,
                        $"đoạn văn có quá nhiều ký tự định dạng (*, _, ~, ^, [, ]): hơn {MaxMarkersPerParagraph} trong một đoạn; hãy tách đoạn bằng một dòng trống hoặc bỏ bớt ký tự định dạng"));
                }
            }
            line++;
            start = end + 1;
        }
        return null;
    }

    /// <summary>Why the line's container prefix (indentation, <c>&gt;</c>, list markers) is too deep, or null.</summary>
    private static string? Prefix(ReadOnlySpan<char> line)
    {
        if (IsThematicBreak(line))
        {
            return null;
        }
        var column = 0;
        var nesting = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                column++;
                i++;
            }
            else if (c == '\t')
            {
                column += 4 - (column % 4);
                i++;
            }
            else if (c == '>')
            {
                nesting++;
                column++;
                i++;
            }
            else if (ListMarkerLength(line[i..]) is > 0 and var length)
            {
                nesting++;
                column += length;
                i += length;
            }
            else
            {
                break;
            }
            if (nesting > MaxNesting)
            {
                return $"trích dẫn hoặc danh sách lồng nhau quá sâu: hơn {MaxNesting} tầng trên một dòng";
            }
            if (column > MaxIndent)
            {
                return $"dòng thụt lề quá sâu: hơn {MaxIndent} cột (danh sách lồng quá {MaxIndent / 2} tầng)";
            }
        }
        return null;
    }

    /// <summary>"- ", "* ", "+ " or "12. ", "3) ": the marker's length with its space, or 0.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }
        var marker = digits > 0
            ? (digits < rest.Length && rest[digits] is '.' or ')' ? digits + 1 : 0)
            : (rest.Length > 0 && rest[0] is '-' or '*' or '+' ? 1 : 0);
        return marker > 0 && (marker == rest.Length || rest[marker] is ' ' or '\t') ? marker : 0;
    }

    /// <summary>"* * *", "- - - -": a rule, not nested lists, however many marks it has.</summary>
    private static bool IsThematicBreak(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 3 || trimmed[0] is not ('-' or '*' or '_'))
        {
            return false;
        }
        var mark = trimmed[0];
        var count = 0;
        foreach (var c in trimmed)
        {
            if (c == mark)
            {
                count++;
            }
            else if (c is not (' ' or '\t'))
            {
                return false;
            }
        }
        return count >= 3;
    }

    private static int CountMarkers(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var c in line)
        {
            if (c is '*' or '_' or '~' or '^' or '[' or ']')
            {
                count++;
            }
        }
        return count;
    }
}
