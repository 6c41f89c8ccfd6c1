using AseanJapanNews.Web.Text.Conversion;

namespace AseanJapanNews.Web.Content;

/// <summary>
/// The converter with the cleaning rules of the configured content folder (content/cleaning), loaded on
/// first use. One instance serves the importer, the admin's raw-text import and the convert command.
/// </summary>
public sealed class RawTextDrafts(string contentFolder)
{
    private readonly Lazy<RawTextConverter> converter = new(() => new RawTextConverter(CleaningRules.Load(contentFolder)));
    private readonly Lazy<string> rulesVersion = new(() => Fingerprint(Path.Combine(contentFolder, "cleaning")));

    /// <summary>A hash of the cleaning rules' files: a raw text refused under other rules is converted again.</summary>
    public string RulesVersion => rulesVersion.Value;

    private static string Fingerprint(string folder)
    {
        try
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
            return System.Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable rules refuse every raw text anyway; such refusals are not worth remembering past this run.
            return Guid.NewGuid().ToString("N");
        }
    }

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
        // The net under the converter's promise to turn any text into a draft: one unforeseen text is refused alone.
        catch (Exception e) when (e is not (ArticleFileException or OperationCanceledException or OutOfMemoryException))
        {
            throw new ArticleFileException($"{ArticleFileFormat.UnexpectedFailure} ({e.GetType().Name}: {e.Message})");
        }
    }
}
