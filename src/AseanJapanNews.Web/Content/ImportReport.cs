namespace AseanJapanNews.Web.Content;

/// <summary>What one import run did; <see cref="Problems"/> lists every file that was skipped and why.</summary>
public sealed record ImportReport(int Added, int Updated, int Unchanged, int Conflicts, IReadOnlyList<ImportProblem> Problems)
{
    public int Failed => Problems.Count;

    /// <summary>Files skipped because an Admin purged their article (relative to the content folder).</summary>
    public IReadOnlyList<string> SkippedAsPurged { get; init; } = [];
}

/// <summary>A skipped file: its path (relative to the content folder), the line when known, and the reason.</summary>
public sealed record ImportProblem(string Path, int? Line, string Reason)
{
    public override string ToString() => Line is { } l ? $"{Path}:{l}: {Reason}" : $"{Path}: {Reason}";
}
