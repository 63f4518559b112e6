namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// The SSRF guard refused to connect: <see cref="Host"/> is or resolved to an address that is not public. Thrown
/// from the connect callback, so <see cref="HttpClient"/> hands it over inside an <see cref="HttpRequestException"/>;
/// <see cref="FindIn"/> digs it out.
/// </summary>
public sealed class DestinationRefusedException(string host, AddressVerdict verdict)
    : Exception($"Refused to connect to {host}: it is {verdict.Description}, and webhooks can only go to public addresses.")
{
    public string Host { get; } = host;

    public AddressVerdict Verdict { get; } = verdict;

    public static DestinationRefusedException? FindIn(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DestinationRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }
}
