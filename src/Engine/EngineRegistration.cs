using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Assist;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.Team;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Embedding;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.Purchases;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine;

public static class EngineRegistration
{
    /// <summary>Registers the Engine: persistence on the chosen provider, identity stores, and every use case.</summary>
    public static IServiceCollection AddEngine(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddEnginePersistence(database);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<ILookupNormalizer, EmailLookupNormalizer>(); // before Identity's default, which it keeps
        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // A user name is the email address, already checked by Input.IsEmail; Identity's own list would refuse
                // addresses it accepts (o'brien@…), after the rest of an agency or account was written.
                o.User.AllowedUserNameCharacters = "";
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<EngineDbContext>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = User.CredentialLinkLifetime);

        services.AddScoped<TwoFactorPolicy>();
        services.AddScoped<LedgerWriter>();
        services.AddScoped<LedgerVerifier>();
        services.AddScoped<ResolveApiKey>();
        services.AddSingleton<ApiKeyStampReader>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<StorefrontStampReader>();
        services.AddScoped<CreateAgency>();
        services.AddScoped<RotateAgencyApiKey>();
        services.AddScoped<RevokeAgencyApiKey>();
        services.AddScoped<GetAgencyApiKey>();
        services.AddScoped<GetAgencySummary>();
        services.AddScoped<ListAgencies>();
        services.AddScoped<CreateSubAccount>();
        services.AddScoped<UpdateSubAccount>();
        services.AddScoped<GetSubAccount>();
        services.AddScoped<ListSubAccounts>();
        services.AddScoped<ListSubAccountBalances>();
        services.AddScoped<GetBalance>();
        services.AddScoped<GrantPoolCredits>();
        services.AddScoped<GrantSubAccountCredits>();
        services.AddScoped<DebitUsage>();
        services.AddScoped<ApplyUsage>();
        services.AddScoped<UsageHotPath>();
        services.AddScoped<SetwiseUsage>();
        services.AddScoped<RecordUsageBatch>();
        services.AddScoped<IdempotentRequests>();
        services.AddOptions<LedgerQueueOptions>();
        services.AddSingleton<LedgerQueue>();
        services.AddKeyedSingleton<LedgerQueue>(FulfillCheckout.GrantQueue, (sp, _) => ActivatorUtilities.CreateInstance<LedgerQueue>(sp));
        services.AddScoped<ListTransactions>();
        services.AddScoped<ExportTransactions>();
        services.AddScoped<MinimumPrices>();
        services.AddScoped<SetMinimumPrice>();
        services.AddScoped<CheckPack>();
        services.AddScoped<CreatePack>();
        services.AddScoped<UpdatePack>();
        services.AddScoped<ListPacks>();
        services.AddScoped<SetCustomQuantityOffer>();
        services.AddScoped<QuoteCheckout>();
        services.AddScoped<StartCheckout>();
        services.AddScoped<FulfillCheckout>();
        services.AddScoped<CheckoutGrant>();
        services.AddScoped<RecordPaymentEvent>();
        services.AddScoped<CloseCheckout>();
        services.AddScoped<NoteFailedPayment>();
        services.AddScoped<CancelCheckout>();
        services.AddScoped<ReversePayment>();
        services.AddScoped<GrantBeforeReversal>();
        services.AddScoped<DebtRepayment>();
        services.AddScoped<ListPurchases>();
        services.AddScoped<GetCheckoutResult>();
        services.AddScoped<ConnectAgencyPayments>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<Mailer>();
        services.AddScoped<ThemeStore>();
        services.AddScoped<ThemeDrafts>();
        services.AddScoped<MagicLinks>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<ClientAccounts>();
        services.AddScoped<HouseAgency>();
        services.AddScoped<ManageAgencies>();
        services.AddScoped<ManageTeam>();
        services.AddScoped<ManageConnections>();
        services.AddScoped<OwnershipTransfers.MoveSubAccount>();
        services.AddScoped<OwnershipTransfers.HandOverToClient>();
        services.AddScoped<OwnershipTransfers.HandOverToAgency>();
        services.AddScoped<ManageAssist>();
        services.AddScoped<ManagePlans>();
        services.AddScoped<SubAccountFeatures>();
        services.AddScoped<LedgerRollup>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<AgencyHome>();
        services.AddHostedService<LedgerRollupJob>();
        services.AddScoped<UpdateBranding>();
        services.AddScoped<VerifyCustomDomain>();
        services.AddOptions<RechargeOptions>();
        services.AddOptions<OutboxOptions>();
        services.AddScoped<WebhookEvents>();
        services.AddScoped<ListWebhookDeliveries>();
        services.AddScoped<RedeliverWebhook>();
        services.AddScoped<RechargeTrigger>();
        services.AddScoped<RechargeOutcomes>();
        services.AddScoped<AutoRechargePause>();
        services.AddScoped<ChargeRecharge>();
        services.AddScoped<GrantPaidRecharge>();
        services.AddScoped<RechargeRecoveryCheckout>();
        services.AddScoped<ExpireRecharges>();
        services.AddScoped<ListRecharges>();
        services.AddHostedService<RechargeExpiryWorker>();
        services.AddScoped<WidgetSessions>();
        services.AddScoped<WidgetOrigins>();
        services.AddCampaigns();
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<Telemetry.OutboxGauges>();
        return services;
    }
}
