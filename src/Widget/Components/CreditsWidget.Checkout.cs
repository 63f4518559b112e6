using Microsoft.Extensions.Logging;
using ResellerKit.Widget.Data;

namespace ResellerKit.Widget.Components;

/// <summary>
/// Buying, and watching a checkout until it is over: a checkout this widget opened, or one the first screen started
/// (<see cref="Checkout"/>). While one is pending the widget says <see cref="CompleteInCheckout"/> and polls it from the
/// server side of the circuit; when the credits land (or the payment fails) it reloads the balance and says so.
/// </summary>
public sealed partial class CreditsWidget
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WatchAtMost = TimeSpan.FromMinutes(30);

    private string? resumed;
    private BuyOutcome? pending;

    // Watches the checkout the first screen started, once; only a live widget polls (a rendered screen is HTML).
    private async Task ResumeAsync()
    {
        if (Checkout is null || Checkout == resumed || view?.Status != WidgetStatus.Ready)
        {
            return;
        }
        resumed = Checkout;
        if (await Data.ResumeAsync(Request, Checkout, disposed.Token) is not { Started: true } outcome)
        {
            return;
        }
        pending = outcome;
        // The buyer may have paid (and the credits landed) while the circuit was starting: then say so at once,
        // rather than watching a checkout that is already over beside a balance read before it landed.
        var progress = await Data.ProgressAsync(Request, outcome.CheckoutId!, disposed.Token);
        if (progress != PurchaseProgress.Pending)
        {
            await FinishAsync(outcome, progress);
            return;
        }
        message = CompleteInCheckout;
        messageIsError = false;
        if (RendererInfo.IsInteractive)
        {
            _ = WatchAsync(outcome);
        }
    }

    private Task BuyPackAsync(PackOffer pack) => BuyAsync(new BuyChoice(pack.Id, null), pack.Id);

    private Task BuyCreditsAsync(long credits) => BuyAsync(new BuyChoice(null, credits), null);

    private async Task BuyAsync(BuyChoice choice, string? packId)
    {
        busy = true;
        message = "Opening the checkout…";
        messageIsError = false;
        try
        {
            var outcome = await Data.BuyAsync(Request, choice, disposed.Token);
            if (!outcome.Started)
            {
                message = outcome.Error ?? "The checkout could not be started.";
                messageIsError = true;
                await EmitAsync(WidgetEvent.Error, new ErrorDetail("checkout_failed", message));
                if (outcome.Status is not null)
                {
                    await ReloadAsync(announce: false);
                }
                return;
            }
            pending = outcome;
            message = CompleteInCheckout;
            await EmitAsync(WidgetEvent.PurchaseStarted, new PurchaseStartedDetail(outcome.CheckoutId!, outcome.CheckoutUrl!, outcome.Credits, packId));
            _ = WatchAsync(outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The widget for {Agency} could not start a checkout", Agency);
            message = "The checkout could not be started. Please try again.";
            messageIsError = true;
            await EmitAsync(WidgetEvent.Error, new ErrorDetail("checkout_failed", message));
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>Polls the purchase from the server side of the circuit until the webhook has granted the credits.</summary>
    private async Task WatchAsync(BuyOutcome outcome)
    {
        using var timer = new PeriodicTimer(PollEvery);
        var until = DateTime.UtcNow + WatchAtMost;
        try
        {
            var failures = 0;
            while (pending == outcome && DateTime.UtcNow < until && await timer.WaitForNextTickAsync(disposed.Token))
            {
                PurchaseProgress progress;
                try
                {
                    progress = await Data.ProgressAsync(Request, outcome.CheckoutId!, disposed.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database or a node of the cluster is briefly away: the buyer is still waiting for the
                    // credits, so keep watching (logged once per checkout, not every two seconds).
                    if (failures++ == 0)
                    {
                        Logger.LogWarning(e, "The widget could not read checkout {CheckoutId}; it keeps watching", outcome.CheckoutId);
                    }
                    continue;
                }
                if (progress == PurchaseProgress.Pending)
                {
                    continue;
                }
                await InvokeAsync(async () => await FinishAsync(outcome, progress));
                return;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "The widget stopped watching checkout {CheckoutId}", outcome.CheckoutId);
        }
    }

    private async Task FinishAsync(BuyOutcome outcome, PurchaseProgress progress)
    {
        if (pending != outcome)
        {
            return;
        }
        pending = null;
        await ReloadAsync(announce: false);
        if (progress == PurchaseProgress.Completed)
        {
            var balance = view?.Account?.Balance;
            message = $"Payment received: {outcome.Credits:N0} credits added.";
            messageIsError = false;
            await EmitAsync(WidgetEvent.PurchaseCompleted, new PurchaseCompletedDetail(outcome.CheckoutId!, outcome.Credits, balance));
        }
        else
        {
            message = progress == PurchaseProgress.Failed ? "The payment did not go through. No credits were added." : null;
            messageIsError = progress == PurchaseProgress.Failed;
        }
        StateHasChanged();
    }
}
