using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// Checks an agency's webhook URL when it is saved: the syntax rules, then every address the host is or resolves
/// to. A name is refused when any of its addresses is refused, or when it resolves to none. This gives the agency
/// an early, clear answer; the guarded client checks again at every connection, because DNS can change.
/// </summary>
public sealed class WebhookUrlPolicy(IHostResolver resolver, IOptions<OutboundHttpOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    public async Task<Result<Uri>> CheckAsync(string? url, CancellationToken ct)
    {
        var syntax = WebhookUrlSyntax.Check(url);
        if (!syntax.IsSuccess)
        {
            return syntax.Error;
        }
        var target = syntax.Value;
        if (target.Literal is { } literal)
        {
            var verdict = AddressPolicy.Check(literal, options.Value.AllowLoopback);
            return verdict.IsAllowed ? target.Uri : Refused(url!, "points to", verdict);
        }
        var addresses = await ResolveAsync(target.Host, ct);
        if (addresses.Length == 0)
        {
            return new UrlNotAllowed($"{url} cannot be used: the host {target.Host} could not be resolved.");
        }
        foreach (var address in addresses)
        {
            var verdict = AddressPolicy.Check(address, options.Value.AllowLoopback);
            if (!verdict.IsAllowed)
            {
                return Refused(url!, "resolves to", verdict);
            }
        }
        return target.Uri;
    }

    private static UrlNotAllowed Refused(string url, string verb, AddressVerdict verdict) =>
        new($"{url} {verb} {verdict.Description}; webhooks can only go to public addresses.");

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await resolver.ResolveAsync(host, timeout.Token);
        }
        catch (SocketException)
        {
            return [];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return [];
        }
    }
}
