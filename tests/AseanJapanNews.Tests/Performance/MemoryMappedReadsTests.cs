using AseanJapanNews.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Tests.Performance;

/// <summary>Every connection the app opens reads the database file through a memory map (see SqliteDatabase).</summary>
public sealed class MemoryMappedReadsTests : IAsyncLifetime
{
    private TestDatabase store = null!;

    public async ValueTask InitializeAsync() => store = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task EveryOpenedConnection_HasAMemoryMap_AlsoWhenTakenAgainFromThePool()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var open = 1; open <= 2; open++)
        {
            await using var db = store.Open();
            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size";
            var mapped = (long)(await command.ExecuteScalarAsync(ct))!;
            Assert.True(mapped > 0, $"open {open}: mmap_size {mapped}");
        }
    }
}
