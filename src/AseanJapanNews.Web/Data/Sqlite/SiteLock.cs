namespace AseanJapanNews.Web.Data.Sqlite;

/// <summary>
/// A lock file beside the database: every running site holds it shared, for its whole life, and a restore takes it
/// whole, so a restore never swaps the database under a running site and no site starts during a restore. SQLite's
/// own locks cannot say this: an idle site holds none. The lock is the operating system's (flock), so it goes with
/// the process however that ends.
/// </summary>
public sealed class SiteLock : IDisposable
{
    private readonly FileStream file;

    private SiteLock(FileStream file) => this.file = file;

    public static string PathFor(string databaseFile) => databaseFile + ".site-lock";

    /// <summary>What a running site holds; throws <see cref="IOException"/> while a restore holds the lock whole.</summary>
    public static SiteLock HoldShared(string databaseFile) => Open(databaseFile, FileShare.ReadWrite);

    /// <summary>The lock whole, or null while any site holds it.</summary>
    public static SiteLock? TryHoldAlone(string databaseFile)
    {
        try
        {
            return Open(databaseFile, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static SiteLock Open(string databaseFile, FileShare share)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        return new SiteLock(new FileStream(PathFor(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, share));
    }

    public void Dispose() => file.Dispose();
}
