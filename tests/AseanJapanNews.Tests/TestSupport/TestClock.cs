namespace AseanJapanNews.Tests.TestSupport;

/// <summary>A clock the tests move by hand, to see scheduled and future-dated articles appear.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
