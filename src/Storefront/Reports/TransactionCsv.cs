using System.Globalization;
using System.Text;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Storefront.Reports;

/// <summary>
/// Writes transactions as RFC 4180 CSV with a header row, straight to the response as the rows arrive. Text cells
/// that a spreadsheet would run as a formula (starting with =, +, -, @) are prefixed with an apostrophe.
/// </summary>
public sealed class TransactionCsv(IAsyncEnumerable<TransactionRow> rows, string fileName) : IResult
{
    public const string Header = "id,created_at,type,credits,sub_account_id,sub_account,campaign_id,contact_id,description,reference";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // The query runs (and may fail) before anything is written, so a failure still gets a proper error answer.
        await using var reader = rows.GetAsyncEnumerator(httpContext.RequestAborted);
        var more = await reader.MoveNextAsync();
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024);
        await writer.WriteLineAsync(Header);
        var count = 0;
        for (; more; more = await reader.MoveNextAsync())
        {
            var r = reader.Current;
            await writer.WriteLineAsync(string.Join(',',
                r.Id.ToString(), r.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                TransactionTypes.NameOf(r.Type), r.Credits.ToString(CultureInfo.InvariantCulture), r.SubAccountId?.ToString() ?? "",
                Cell(r.SubAccountName), Cell(r.CampaignId), Cell(r.ContactId), Cell(r.Description), Cell(r.Reference)));
            if (++count % 1_000 == 0)
            {
                await writer.FlushAsync(httpContext.RequestAborted);
            }
        }
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
