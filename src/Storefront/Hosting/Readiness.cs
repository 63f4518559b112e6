namespace ResellerKit.Storefront.Hosting;

/// <summary>Set once migrations are applied; <c>/readyz</c> answers 200 only after that.</summary>
public sealed class Readiness
{
    private volatile bool migrated;

    public bool Migrated => migrated;

    public void MarkMigrated() => migrated = true;
}
