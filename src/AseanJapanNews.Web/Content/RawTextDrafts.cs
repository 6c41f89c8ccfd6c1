using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// The converter with the cleaning rules of the configured content folder (content/cleaning), loaded on
/// first use. One instance serves the importer, the admin's raw-text import and the convert command.
/// </summary>
public sealed class RawTextDrafts(string contentFolder)
{
    private readonly Lazy<RawTextConverter> converter = new(() => new RawTextConverter(CleaningRules.Load(contentFolder)));

    /// <summary>Converts one raw text; throws <see cref="ArticleFileException"/> when the cleaning rules cannot be read.</summary>
    public ArticleDraft Convert(string raw)
    {
        try
        {
            return converter.Value.Convert(raw);
        }
        // Loading the rules is the only IO here: without them no raw text can be converted, which the importer and
        // the convert command report for each such file rather than stopping on.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFileException($"không đọc được quy tắc làm sạch văn bản thô ({Path.Combine(contentFolder, "cleaning")}): {e.Message}");
        }
    }
}
