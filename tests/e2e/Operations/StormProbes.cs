using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>What the three-node storm asks of the nodes behind the balancer until they answer, and what it reads back.</summary>
internal static partial class StormProbes
{
    /// <summary>Sends a keyed debit until it is answered: the balancer gives 502 while it still sends to the dead node.</summary>
    internal static async Task DebitUntilAnsweredAsync(Storm storm, string balancer, StormDebit debit)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var (status, _) = await storm.DebitAsync(balancer, debit);
            if (status == HttpStatusCode.Created) return;
            status.ShouldBeOneOf([HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Conflict], $"debit {debit.Key}");
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"debit {debit.Key} was never answered");
    }

    internal static async Task PayUntilPaidAsync(Storm storm, string balancer, StormSession session)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (await storm.PayAsync(balancer, session) || await IsPaidAsync(storm, balancer, session)) return;
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"session {session.Id} was never paid");
    }

    private static async Task<bool> IsPaidAsync(Storm storm, string balancer, StormSession session)
    {
        try
        {
            return await storm.IsPaidAsync(balancer, session);
        }
        catch (HttpRequestException)
        {
            return false; // the balancer answered 502: try again
        }
    }

    internal static async Task<HttpStatusCode> CreateWidgetSessionAsync(string balancer, Storm storm, string client)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{balancer}/api/v1/widget-sessions") { Content = JsonContent.Create(new { subAccountId = client }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", storm.AgencyKey);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    internal static async Task<List<string>> UsageTransactionsAsync(ResellerKitApi agency, string client)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await agency.GetAsync($"/api/v1/transactions?subAccountId={client}&type=usage&limit=200{(cursor is null ? "" : "&cursor=" + cursor)}");
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }

    /// <summary>The value of an unlabelled gauge in a Prometheus exposition (its scope labels aside), or null when absent.</summary>
    internal static double? Gauge(string exposition, string name) =>
        GaugeLine().Matches(exposition).Where(m => m.Groups["name"].Value == name)
            .Select(m => (double?)double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex GaugeLine();

    /// <summary>Receipts in maildev, counted per recipient.</summary>
    // Receipts by recipient, told apart by Message-Id. A node killed after the SMTP server took a receipt but before its
    // outbox row was marked sends it again, after its lease, with the same Message-Id (at least once: OutboxCompletions),
    // which mail clients show once; a receipt queued twice would carry a second Message-Id.
    internal static async Task<Dictionary<string, int>> ReceiptsAsync(MailDev mail) =>
        (await mail.AllAsync()).EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString()!.StartsWith("Receipt", StringComparison.Ordinal))
            .GroupBy(e => e.GetProperty("to")[0].GetProperty("address").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(MessageIdOf).Distinct(StringComparer.Ordinal).Count());

    private static string MessageIdOf(JsonElement mail) =>
        mail.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } messageId
            ? messageId
            : mail.GetProperty("id").GetString()!;
}
