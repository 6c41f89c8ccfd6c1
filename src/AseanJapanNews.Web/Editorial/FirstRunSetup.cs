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
}
