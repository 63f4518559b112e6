using ResellerKit.Engine.Purchases;

namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>
/// The payment port when payments are off (no Stripe key, no sandbox): the Engine sees <see cref="Enabled"/> false
/// and answers <see cref="PaymentsOff"/> before calling anything; a lookup finds nothing, and anything else refuses.
/// </summary>
public sealed class PaymentsOffGateway : IPaymentGateway
{
    public bool Enabled => false;

    public Task<ConnectedAccount> CreateConnectedAccountAsync(string email, string businessName, CancellationToken ct) => Refuse<ConnectedAccount>();

    public Task<ConnectedAccount> GetConnectedAccountAsync(string accountId, CancellationToken ct) => Refuse<ConnectedAccount>();

    public Task<string> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken ct) => Refuse<string>();

    public Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken ct) => Refuse<CheckoutSession>();

    public Task<CheckoutStatus?> GetCheckoutAsync(string accountId, string sessionId, CancellationToken ct) => Task.FromResult<CheckoutStatus?>(null);

    public Task<bool> ExpireCheckoutAsync(string accountId, string sessionId, CancellationToken ct) => Task.FromResult(false);

    public Task<string?> GetPaymentMethodAsync(string accountId, string paymentIntentId, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<ChargeStatus?> GetChargeAsync(string accountId, string chargeId, CancellationToken ct) => Task.FromResult<ChargeStatus?>(null);

    public Task<DisputeStatus?> GetDisputeAsync(string accountId, string disputeId, CancellationToken ct) => Task.FromResult<DisputeStatus?>(null);

    public Task<PaymentIntentStatus?> GetPaymentIntentAsync(string accountId, string paymentIntentId, CancellationToken ct) =>
        Task.FromResult<PaymentIntentStatus?>(null);

    public Task<OffSessionResult> ChargeOffSessionAsync(OffSessionCharge charge, CancellationToken ct) => Refuse<OffSessionResult>();

    public Task<OffSessionResult?> FindOffSessionChargeAsync(
        string accountId, string customerId, string metadataKey, string metadataValue, DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult<OffSessionResult?>(null);

    private static Task<T> Refuse<T>() => Task.FromException<T>(new PaymentGatewayException(new PaymentsOff().Detail));
}
