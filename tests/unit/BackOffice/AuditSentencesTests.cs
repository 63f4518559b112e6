using System.Text.RegularExpressions;
using ResellerKit.Storefront.BackOffice;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Every action code the app records reads as a sentence in the audit log and the access log; a code without one still
/// reads as words. The codes are found in the source, so a new one without a sentence fails here.
/// </summary>
public sealed partial class AuditSentencesTests
{
    [Fact]
    public void Describe_EveryActionCodeTheAppRecords_HasASentenceOfItsOwn()
    {
        var recorded = RecordedCodes().ToHashSet(StringComparer.Ordinal);

        var missing = recorded.Where(c => !AuditSentences.Known.Contains(c)).Order(StringComparer.Ordinal).ToList();

        recorded.Count.ShouldBeGreaterThan(35);
        missing.ShouldBeEmpty(string.Join(", ", missing));
    }

    [Fact]
    public void Describe_EveryKnownCode_IsOneSentenceWithoutCodesOrJson()
    {
        const string changes = """{"name":"Starter","reason":"card declined","credits":500,"creditsRequested":500,"creditsTaken":20,"email":"ada@x.example","role":"Admin","user":"ada@x.example","count":3,"domain":"credits.x.example","url":"https://x.example/hook","after":["https://x.example"],"percent":10,"features":"Widget","agency":"Brightside Digital"}""";

        foreach (var code in AuditSentences.Known)
        {
            var sentence = AuditSentences.Describe(code, "Dana (Brightside Digital)", "Bluebird Dental", changes);

            sentence.ShouldEndWith(".", Case.Sensitive, code);
            char.IsUpper(sentence[0]).ShouldBeTrue(sentence);
            sentence.ShouldNotContain(code);
            sentence.ShouldNotContain("{");
            sentence.ShouldNotContain("ResellerKit");
        }
    }

    [Fact]
    public void Describe_AssistStarted_NamesThePersonTheirAgencyAndTheAccount() =>
        AuditSentences.Describe("assist.started", "Dana (Brightside Digital)", "Bluebird Dental", """{"reason":"Fixing the plan","expiresAt":"2026-12-05T12:00:00Z"}""")
            .ShouldBe("Dana (Brightside Digital) started assisting in Bluebird Dental, for “Fixing the plan”.");

    [Fact]
    public void Describe_RefundAfterAHandOver_SaysWhatWasSpentIsNotOwed() =>
        AuditSentences.Describe("purchase.refund", "System", "Bluebird Dental", """{"creditsTaken":20,"debt":0,"lostAfterHandOver":80}""")
            .ShouldBe("A payment of Bluebird Dental was refunded and 20 credits taken back; 80 more had been spent, and are not owed now that the account belongs to another agency.");

    [Fact]
    public void Describe_AnUnknownCode_ReadsAsWordsNeverJson() =>
        AuditSentences.Describe("plan.deleted_forever", "Dana", "Bluebird Dental", """{"planId":"p_1"}""")
            .ShouldBe("Dana: plan deleted forever (Bluebird Dental).");

    // Codes passed to AuditEvent.Record as literals anywhere in src (not outbox topics), plus those built from an enum.
    private static IEnumerable<string> RecordedCodes()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Where(s => s.Contains("AuditEvent.Record(", StringComparison.Ordinal));
        return files.SelectMany(s => Code().Matches(s).Select(m => m.Groups[1].Value)).Where(c => !c.EndsWith(".stripe", StringComparison.Ordinal))
            .Concat(Enum.GetNames<ResellerKit.Engine.Purchases.ReversalKind>().Select(k => $"purchase.{k.ToLowerInvariant()}"));
    }

    [GeneratedRegex(@"""([a-z_]+\.[a-z_]+)""")]
    private static partial Regex Code();
}
