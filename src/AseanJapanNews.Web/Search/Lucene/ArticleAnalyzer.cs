using Lucene.Net.Analysis;

namespace AseanJapanNews.Web.Search.Lucene;

/// <summary>
/// The site's own Vietnamese analysis (<see cref="WordTokenizer"/>): each field gets the word form it was made for
/// (<see cref="ArticleFields.FormOf"/>), so one analyzer serves the writer and the highlighter.
/// </summary>
internal sealed class ArticleAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    /// <summary>Between a title, a tag, the sapo and the body: a quoted phrase never runs from one into the next.</summary>
    private const int GapBetweenValues = 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new WordTokenizer(reader, ArticleFields.FormOf(fieldName)));

    public override int GetPositionIncrementGap(string fieldName) => GapBetweenValues;
}
