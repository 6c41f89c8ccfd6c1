using System.Data.Common;
using AseanJapanNews.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AseanJapanNews.Web.Content;

/// <summary>The import's memory of the files it could not read (<see cref="RefusedFile"/>).</summary>
internal static class RefusedFiles
{
    /// <summary>
    /// Keeps <see cref="RefusedFile"/> in step with this run: the files it could not read, and no others (a file
    /// fixed, removed or refused for another reason since is forgotten). Only what a file holds decides these
    /// refusals; a refusal that depends on the database (a slug another article has) is not remembered.
    /// </summary>
    public static async Task RememberAsync(
        NewsDbContext db, IReadOnlyDictionary<string, RefusedFile> before, List<ContentFileReader.ReadFile> now, DateTime at, ILogger logger, CancellationToken ct)
    {
        var current = now.ToDictionary(r => r.Relative, StringComparer.Ordinal);
        var gone = before.Keys.Where(path => !current.ContainsKey(path)).ToList();
        var fresh = now.Where(r => !r.RefusedBefore).ToList();
        if (gone.Count == 0 && fresh.Count == 0)
        {
            return;
        }
        foreach (var path in gone)
        {
            db.RefusedFiles.Remove(new RefusedFile { Path = path, ContentHash = "", ReaderVersion = "", Reason = "" });
        }
        foreach (var read in fresh)
        {
            var row = new RefusedFile
            {
                Path = read.Relative,
                ContentHash = read.Hash,
                ReaderVersion = read.ReaderVersion,
                Line = read.Error!.Line,
                Reason = read.Error.Message.Length > 2000 ? read.Error.Message[..2000] : read.Error.Message,
                RefusedAtUtc = at,
            };
            if (before.ContainsKey(read.Relative))
            {
                db.RefusedFiles.Update(row);
            }
            else
            {
                db.RefusedFiles.Add(row);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Only a saving of time at the next start: the files are read again then.
            logger.LogWarning(e, "Import could not remember the files it refused; they are read again at the next import");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
