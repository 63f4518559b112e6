namespace ResellerKit.Engine.Persistence;

/// <summary>
/// The scope's <see cref="EngineDbContext"/> once something in the scope asked for one, else null: code that only
/// needs to know whether its caller holds a transaction (the ledger writer's door) asks here, so that a request which
/// never touches EF itself (a usage debit) does not build a DbContext just to find it holds none.
/// </summary>
public sealed class ScopeDbContext
{
    public EngineDbContext? Current { get; internal set; }

    /// <summary>
    /// Set before the scope asks for its context when it will give that context a connection of its own
    /// (<c>Database.SetDbConnection</c>, as the ledger writer does): the context is then leased from a pool of its own
    /// rather than the shared one, since a pooled context keeps a connection it was given after it goes back, and the
    /// next scope to lease it would share that connection.
    /// </summary>
    public bool OwnConnection { get; set; }

    /// <summary>The key of the pool of one that lends the ledger writer's scope its context.</summary>
    internal const string Writer = "ledger-writer";
}
