namespace AseanJapanNews.Web.Data;

/// <summary>
/// A content file whose article an Admin purged. The importer matches files to articles by path, so without this
/// record the next import would see the file as new and publish it again; with it, the file is skipped for good.
/// </summary>
public class PurgedFile
{
    /// <summary>The article's <see cref="Article.OriginFile"/>, relative to the content folder.</summary>
    public required string Path { get; set; }

    /// <summary>The file's hash when it was last imported, so the importer can say when it changed since.</summary>
    public string? ContentHash { get; set; }
    public required string Slug { get; set; }
    public required string PurgedBy { get; set; }
    public DateTime PurgedAtUtc { get; set; }
}
