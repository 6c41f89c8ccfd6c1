namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// A test class whose every test gets a migrated SQLite file and a content folder of its own (<see cref="TestDatabase"/>),
/// made before the test and removed after it.
/// </summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected TestDatabase Store { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => Store = await TestDatabase.CreateAsync();

    public virtual async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
