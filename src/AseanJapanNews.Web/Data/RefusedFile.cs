namespace AseanJapanNews.Web.Data;

/// <summary>
/// A content file the importer could not read, remembered with its hash: the next start passes over it unread while
/// neither the file nor the reader changed, instead of paying its cost again (a pathological file took 37 s per start).
/// </summary>
public class RefusedFile
{
    /// <summary>Relative to the content folder, as <see cref="Article.OriginFile"/>.</summary>
    public required string Path { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>The build of the reader (and, for raw texts, the cleaning rules) that refused it: a new one reads it again.</summary>
    public required string ReaderVersion { get; set; }

    public int? Line { get; set; }
    public required string Reason { get; set; }
    public DateTime RefusedAtUtc { get; set; }
}
