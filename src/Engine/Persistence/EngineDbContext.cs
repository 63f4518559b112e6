using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Assist;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Embedding;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.Persistence.Documents;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.Platform;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// The one DbContext. Each provider has a thin subclass (<see cref="Providers"/>) only so that its migrations can
/// live apart; the model is defined here, once.
/// </summary>
public abstract class EngineDbContext(DbContextOptions options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Data Protection keys, shared by every node so that a cookie issued by one is read by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<SubAccount> SubAccounts => Set<SubAccount>();

    public DbSet<Wallet> Wallets => Set<Wallet>();

    public DbSet<LedgerTransaction> LedgerTransactions => Set<LedgerTransaction>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<CreditLot> CreditLots => Set<CreditLot>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<PlatformSetting> PlatformSettings => Set<PlatformSetting>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<MinimumPrice> MinimumPrices => Set<MinimumPrice>();

    public DbSet<CreditPack> CreditPacks => Set<CreditPack>();

    public DbSet<Purchase> Purchases => Set<Purchase>();

    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<StoredDocument> StoredDocuments => Set<StoredDocument>();

    public DbSet<EmailOptOut> EmailOptOuts => Set<EmailOptOut>();

    public DbSet<AgencyTheme> AgencyThemes => Set<AgencyTheme>();

    public DbSet<ThemeFile> ThemeFiles => Set<ThemeFile>();

    public DbSet<ThemeRevision> ThemeRevisions => Set<ThemeRevision>();

    public DbSet<MagicLink> MagicLinks => Set<MagicLink>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Connection> Connections => Set<Connection>();

    public DbSet<OwnershipTransfer> OwnershipTransfers => Set<OwnershipTransfer>();

    public DbSet<AssistSession> AssistSessions => Set<AssistSession>();

    public DbSet<UsageRollup> UsageRollups => Set<UsageRollup>();

    public DbSet<RollupWatermark> RollupWatermarks => Set<RollupWatermark>();
    public DbSet<Recharge> Recharges => Set<Recharge>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookMessage> WebhookMessages => Set<WebhookMessage>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<WidgetSession> WidgetSessions => Set<WidgetSession>();

    public DbSet<WidgetOrigin> WidgetOrigins => Set<WidgetOrigin>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignVersion> CampaignVersions => Set<CampaignVersion>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngineDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        EngineConventions.Apply(configurationBuilder);
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services =>
            new UnindexedForeignKeys(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }
}
