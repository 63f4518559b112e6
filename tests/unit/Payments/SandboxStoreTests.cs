using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Issue 15, P4: the sandbox store updates a document by its key without reading it again first (every Pay press
/// updates its session), and reads documents by id through a compiled query. What a caller sees must not change.
/// </summary>
public abstract class SandboxStoreTests(ApiFixture api)
{
    [Fact]
    public async Task UpdateAsync_DocumentNotReadInThisUnitOfWork_SavesTheNewJson()
    {
        var id = await AddAsync(new JsonObject { ["status"] = "open" });

        await InScopeAsync(async store =>
        {
            await store.UpdateAsync("test.doc", new JsonObject { ["id"] = id, ["status"] = "complete" }, Ct);
            await store.SaveAsync(Ct);
        });

        (await GetAsync(id))!["status"]!.GetValue<string>().ShouldBe("complete");
    }

    [Fact]
    public async Task UpdateAsync_SameDocumentTwiceBeforeOneSave_KeepsTheLastJson()
    {
        var id = await AddAsync(new JsonObject { ["status"] = "open" });

        await InScopeAsync(async store =>
        {
            await store.UpdateAsync("test.doc", new JsonObject { ["id"] = id, ["status"] = "processing" }, Ct);
            await store.UpdateAsync("test.doc", new JsonObject { ["id"] = id, ["status"] = "complete" }, Ct);
            await store.SaveAsync(Ct);
        });

        (await GetAsync(id))!["status"]!.GetValue<string>().ShouldBe("complete");
    }

    [Fact]
    public async Task UpdateAsync_DocumentAddedInTheSameUnitOfWork_SavesItWithTheUpdatedJson()
    {
        var id = "doc_" + Guid.NewGuid().ToString("N");

        await InScopeAsync(async store =>
        {
            store.Add("test.doc", new JsonObject { ["id"] = id, ["status"] = "open" }, "acct_test");
            await store.UpdateAsync("test.doc", new JsonObject { ["id"] = id, ["status"] = "complete" }, Ct);
            await store.SaveAsync(Ct);
        });

        (await GetAsync(id))!["status"]!.GetValue<string>().ShouldBe("complete");
    }

    [Fact]
    public async Task UpdateAsync_DocumentThatDoesNotExist_FailsTheSaveAndWritesNothing()
    {
        var id = "doc_" + Guid.NewGuid().ToString("N");

        await InScopeAsync(async store =>
        {
            await store.UpdateAsync("test.doc", new JsonObject { ["id"] = id, ["status"] = "complete" }, Ct);
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => store.SaveAsync(Ct));
        });

        (await GetAsync(id)).ShouldBeNull();
    }

    private async Task<string> AddAsync(JsonObject document)
    {
        var id = "doc_" + Guid.NewGuid().ToString("N");
        document["id"] = id;
        await InScopeAsync(async store =>
        {
            store.Add("test.doc", document, "acct_test");
            await store.SaveAsync(Ct);
        });
        return id;
    }

    private async Task<JsonObject?> GetAsync(string id)
    {
        JsonObject? found = null;
        await InScopeAsync(async store => found = await store.GetAsync("test.doc", id, Ct));
        return found;
    }

    private async Task InScopeAsync(Func<SandboxStore, Task> work)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<SandboxStore>());
    }
}

public sealed class SandboxStoreTestsOnSqlite(SqliteApi api) : SandboxStoreTests(api), IClassFixture<SqliteApi>;

public sealed class SandboxStoreTestsOnPostgres(PostgresApi api) : SandboxStoreTests(api), IClassFixture<PostgresApi>;
