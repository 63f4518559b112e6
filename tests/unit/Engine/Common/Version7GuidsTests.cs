using ResellerKit.Engine.Common;

namespace ResellerKit.Tests.Unit.Engine.Common;

/// <summary>The ids <see cref="Version7Guids"/> makes are version 7 GUIDs as <see cref="Guid.CreateVersion7()"/> makes them.</summary>
public sealed class Version7GuidsTests
{
    [Fact]
    public void Next_ManyIdsAcrossDraws_AreDistinctVersion7GuidsStampedWithNow()
    {
        var ids = new Version7Guids();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var made = Enumerable.Range(0, 3 * Version7Guids.PerDraw + 5).Select(_ => ids.Next()).ToList();

        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        made.Distinct().Count().ShouldBe(made.Count);
        made.ShouldAllBe(g => g.Version == 7 && (g.Variant & 0xC) == 0x8);
        made.Select(Millis).ShouldAllBe(ms => ms >= before && ms <= after);
        var reference = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(before));
        Millis(reference).ShouldBe(before, "the same layout as the runtime's");
    }

    // The 48-bit Unix milliseconds at the front of a version 7 GUID's text.
    private static long Millis(Guid guid) => Convert.ToInt64(guid.ToString("N")[..12], 16);
}
