namespace AseanJapanNews.Web.Text;

/// <summary>"5 phút đọc": reading time of an article's text.</summary>
public static class ReadingTime
{
    /// <summary>
    /// Words a Vietnamese reader reads per minute. Vietnamese words are single syllables, so the rate is
    /// counted in syllables (space-separated), and is higher than the ~200 words per minute usual for English.
    /// </summary>
    public const int WordsPerMinute = 230;

    /// <summary>Minutes to read <paramref name="plainText"/>, rounded up, never less than 1.</summary>
    public static int Minutes(string plainText)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        var words = plainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
        return Math.Max(1, (words + WordsPerMinute - 1) / WordsPerMinute);
    }

    /// <summary>The label shown on the article page.</summary>
    public static string Label(int minutes) => $"{minutes} phút đọc";
}
