using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// maildev, a real SMTP server with a web API, installed by ./test.sh into .tools/maildev. The Storefront sends to it
/// over SMTP; tests read what arrived.
/// </summary>
public sealed class MailDev : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private MailDev(Process process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
    }

    public int SmtpPort { get; }

    public static string Executable => Environment.GetEnvironmentVariable("RESELLERKIT_MAILDEV") is { Length: > 0 } path
        ? path
        : Path.Combine(Repository.Root, ".tools", "maildev", "node_modules", ".bin", "maildev");

    /// <summary>Starts maildev; a given SMTP port lets a test bring the server back where a Storefront already sends.</summary>
    public static async Task<MailDev> StartAsync(int? smtpPort = null)
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException("maildev is missing; ./test.sh installs it into .tools/maildev.", Executable);
        }
        var smtp = smtpPort ?? FreePort.Next();
        var web = FreePort.Next();
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--smtp", smtp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web", web.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent" })
        {
            info.ArgumentList.Add(arg);
        }
        var maildev = new MailDev(Process.Start(info)!, smtp, web);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await maildev.http.GetAsync("/email", Ct)).IsSuccessStatusCode) return maildev;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("maildev did not start.");
    }

    /// <summary>The settings that make the Storefront send by SMTP to this maildev.</summary>
    public IReadOnlyDictionary<string, string> StorefrontSettings => new Dictionary<string, string>
    {
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email__Smtp__Security"] = "None",
    };

    /// <summary>Waits for an email to an address whose subject contains a phrase.</summary>
    public async Task<JsonElement> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var emails = await http.GetFromJsonAsync<JsonElement>("/email", Ct);
            foreach (var email in emails.EnumerateArray())
            {
                var recipients = email.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString());
                if (recipients.Contains(to, StringComparer.OrdinalIgnoreCase)
                    && email.GetProperty("subject").GetString()!.Contains(subjectContains, StringComparison.OrdinalIgnoreCase))
                {
                    return email;
                }
            }
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"No email to {to} about '{subjectContains}' arrived.");
    }

    public async Task<JsonElement> AllAsync() => await http.GetFromJsonAsync<JsonElement>("/email", Ct);

    /// <summary>Every captured email as a mail client sees it: kind header, recipients, both bodies.</summary>
    public async Task<IReadOnlyList<CapturedEmail>> ListAsync() =>
        (await AllAsync()).EnumerateArray().Select(CapturedEmail.From).ToList();

    /// <summary>The raw message as it came over SMTP (headers and MIME parts).</summary>
    public Task<string> SourceAsync(string id) => http.GetStringAsync($"/email/{Uri.EscapeDataString(id)}/source", Ct);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        http.Dispose();
    }
}
