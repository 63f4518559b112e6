using Microsoft.Data.Sqlite;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Mail;

/// <summary>
/// A crash between enqueue and send: the SMTP server is down, so the credentials email waits in the outbox; the
/// Storefront is killed with -9, the SMTP server comes back on the same port, the Storefront restarts on the same
/// folder, and the email arrives, once, with the Message-Id it was queued with.
/// </summary>
public sealed class EmailCrashTests
{
    private const string PlatformKey = "rk_platform_e2e_mail_crash_key_00000001";

    [Fact]
    public async Task CredentialsEmail_QueuedWhenTheProcessIsKilled_IsDeliveredOnceAfterTheRestart()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        var smtpPort = FreePort.Next(); // Nothing listens here until maildev starts on it.
        var settings = new Dictionary<string, string>
        {
            ["ResellerKit__PlatformApiKey"] = PlatformKey,
            ["ResellerKit__SeedDemo"] = "false",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
            ["Outbox__Lease"] = "00:00:10",
        };
        var email = $"crash-{Guid.NewGuid():N}@mail-proof.example";
        var storefront = await StorefrontProcess.StartAsync(workDir, settings);
        string password;
        using (var platform = new ResellerKitApi(storefront.BaseUrl, PlatformKey))
        {
            var slug = "crash-" + Guid.NewGuid().ToString("N")[..8];
            var agencyKey = (await platform.PostAsync("/api/v1/agencies", new { name = "Crash Agency", slug, ownerEmail = $"owner@{slug}.example" }))
                .GetProperty("apiKey").GetString()!;
            using var agency = new ResellerKitApi(storefront.BaseUrl, agencyKey);
            password = (await agency.PostAsync("/api/v1/sub-accounts", new { name = "Crash Client", email, creditMode = "reselling" }))
                .GetProperty("initialPassword").GetString()!;
        }
        var queued = await Poll.UntilAsync(() => OutboxRowAsync(workDir, "Payload LIKE '%' || $key || '%'", email), r => r is { LastError: not null }, TimeSpan.FromSeconds(60));

        await storefront.KillHardAsync();
        await storefront.DisposeAsync();
        await using var maildev = await MailDev.StartAsync(smtpPort);
        var beforeRestart = await maildev.ListAsync();
        await using var restarted = await StorefrontProcess.StartAsync(workDir, settings);
        var arrived = await maildev.WaitForAsync(email, "account is ready", TimeSpan.FromSeconds(90));
        var delivered = await Poll.UntilAsync(() => OutboxRowAsync(workDir, "MessageId = $key", queued!.MessageId), r => r?.Completed == true, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(5), Ct); // A second delivery would land in this window.
        var all = await maildev.ListAsync();

        queued.ShouldNotBeNull("the credentials email is in the outbox");
        queued.Completed.ShouldBeFalse("SMTP was down, so it was not sent before the crash");
        queued.LastError.ShouldNotBeNullOrEmpty("a send was tried and failed");
        queued.Attempts.ShouldBeGreaterThanOrEqualTo(1);
        beforeRestart.ShouldBeEmpty();
        all.Count(m => m.IsFor(email)).ShouldBe(1);
        arrived.GetProperty("text").GetString()!.ShouldContain(password);
        (await maildev.SourceAsync(arrived.GetProperty("id").GetString()!)).ShouldContain($"<{queued.MessageId}@");
        delivered.ShouldNotBeNull().Completed.ShouldBeTrue();
    }

    private sealed record OutboxRow(string MessageId, long Attempts, string? LastError, bool Completed);

    // Reads the outbox row from the Storefront's SQLite file, as an operator would.
    private static async Task<OutboxRow?> OutboxRowAsync(string workDir, string where, string key)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "resellerkit.db")};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MessageId, Attempts, LastError, CompletedAt IS NOT NULL FROM OutboxMessages WHERE Topic = 'email' AND {where}";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        return await reader.ReadAsync(Ct)
            ? new OutboxRow(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3) == 1)
            : null;
    }
}
