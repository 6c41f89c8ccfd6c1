using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// The converter with the cleaning rules of the configured content folder (content/cleaning), loaded on
/// first use. One instance serves the importer, the admin's raw-text import and the convert command.
/// </summary>
public sealed class RawTextDrafts(string contentFolder)
{
    private readonly Lazy<RawTextConverter> converter = new(() => new RawTextConverter(CleaningRules.Load(contentFolder)));

    public ArticleDraft Convert(string raw) => converter.Value.Convert(raw);
}
