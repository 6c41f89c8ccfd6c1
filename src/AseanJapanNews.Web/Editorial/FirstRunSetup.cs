using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace AseanJapanNews.Web.Editorial;

/// <summary>
/// The one-time link that lets the first visitor create the first Admin account. It exists only while
/// there is no account at all, and is spent as soon as it is used.
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock gate = new();
    private string? token;

    public string? Token
    {
        get { lock (gate) { return token; } }
    }

    public string Begin()
    {
        lock (gate)
        {
            return token ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
                .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        }
    }

    public bool Matches(string? candidate)
    {
        lock (gate)
        {
            return token is not null && candidate is not null &&
                CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(candidate));
        }
    }

    public void Spend()
    {
        lock (gate)
        {
            token = null;
        }
    }

    /// <summary>
    /// The setup link an operator can open. A public News:BaseUrl (what readers' links and feeds use) is where the
    /// site is reached, behind a proxy too. Left at a loopback address, as by default, it is only a guess at the port,
    /// so the first address the server actually listens on (<paramref name="listening"/>) wins; a wildcard host
    /// (0.0.0.0, [::]) is no address a browser can open, so it is read as localhost.
    /// </summary>
    public static string Link(string baseUrl, IEnumerable<string> listening, string token)
    {
        var configured = new Uri(baseUrl);
        var bound = configured.IsLoopback
            ? listening.Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
                .FirstOrDefault(u => u is { Scheme: "http" or "https" })
            : null;
        var site = bound is null ? baseUrl : OpenableHost(bound).ToString();
        return $"{site.TrimEnd('/')}/admin/setup?token={token}";
    }

    private static Uri OpenableHost(Uri address) =>
        IPAddress.TryParse(address.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            ? new UriBuilder(address) { Host = "localhost" }.Uri
            : address;
}
