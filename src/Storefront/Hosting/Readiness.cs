namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// What <c>/readyz</c> waits for: the migrations applied, then the widget's warm-up done (or given up), so that no
/// visitor reaches a node that is still cold.
/// </summary>
public sealed class Readiness
{
    private volatile bool migrated;
    private volatile bool warm;

    public bool Migrated => migrated;

    public bool Warm => warm;

    public void MarkMigrated() => migrated = true;

    public void MarkWarm() => warm = true;
}
