namespace AseanJapanNews.Web.Content;

internal enum ImportOutcome { Added, Updated, Unchanged, Conflict }

/// <summary>
/// One import run's state: what the database knew when it began (as batches commit, what it knows now), which files
/// the folder holds, and the tally the report is made of.
/// </summary>
internal sealed class ImportRun(ImportState state, HashSet<string>? listed)
{
    /// <summary>Reloaded from the database after a failed batch, when nothing staged can be trusted.</summary>
    public ImportState State { get; set; } = state;

    /// <summary>Every file this run found, or null when a folder could not be listed (its files may still be there).</summary>
    public HashSet<string>? Listed { get; } = listed;

    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Conflicts { get; private set; }
    public List<ImportProblem> Problems { get; } = [];
    public List<string> Purged { get; } = [];

    /// <summary>Files this run could not read, with their hashes: what <see cref="Data.RefusedFile"/> will hold.</summary>
    public List<ContentFileReader.ReadFile> Refused { get; } = [];

    public void Count(ImportOutcome outcome)
    {
        switch (outcome)
        {
            case ImportOutcome.Added: Added++; break;
            case ImportOutcome.Updated: Updated++; break;
            case ImportOutcome.Unchanged: Unchanged++; break;
            case ImportOutcome.Conflict: Conflicts++; break;
        }
    }

    public ImportReport Report() => new(Added, Updated, Unchanged, Conflicts, Problems) { SkippedAsPurged = Purged };
}
