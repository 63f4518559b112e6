namespace ResellerKit.Engine.Persistence;

/// <summary>
/// The scope's <see cref="EngineDbContext"/> once something in the scope asked for one, else null: code that only
/// needs to know whether its caller holds a transaction (the ledger writer's door) asks here, so that a request which
/// never touches EF itself (a usage debit) does not build a DbContext just to find it holds none.
/// </summary>
public sealed class ScopeDbContext
{
    public EngineDbContext? Current { get; internal set; }
}
