using ResellerKit.Engine.Common;

namespace ResellerKit.Tests.Unit.Engine.Common;

/// <summary>A name must show: one of only spaces, zero-width or blank-drawn characters is a missing name, as an empty one is.</summary>
public sealed class VisibleNameTests
{
    [Theory]
    [InlineData("\u200b")]            // zero-width space
    [InlineData("\u200b\u200c\u200d")] // zero-width space, non-joiner, joiner
    [InlineData(" \ufeff ")]          // byte order mark between spaces
    [InlineData("\u2060\u00ad")]      // word joiner, soft hyphen
    [InlineData("\u034f\ufe0f")]      // combining grapheme joiner, variation selector: marks with nothing to sit on
    [InlineData("\u3164")]            // Hangul filler
    [InlineData("\u2800")]            // blank Braille pattern
    [InlineData("\u200f\u200e")]      // the right-to-left and left-to-right marks alone
    [InlineData("\U000E0041")]        // a tag character
    [InlineData("\u3000\u2003")]      // ideographic and em spaces
    public void Name_OfOnlyInvisibleCharacters_IsRefusedAsAMissingName(string name)
    {
        var errors = new FieldErrors().Name("name", name, "Enter a name.").ToError();

        Input.HasVisibleCharacter(name).ShouldBeFalse();
        errors.Errors["name"].ShouldBe(["Enter a name."]);
    }

    [Theory]
    [InlineData("Ada")]
    [InlineData("\u200b Ada")]
    [InlineData("\u200fשלום")]
    [InlineData("José")]
    [InlineData("e\u0301")]
    [InlineData("😀")]
    [InlineData("한국")]
    [InlineData(".")]
    public void Name_WithAVisibleCharacter_IsAccepted(string name)
    {
        var errors = new FieldErrors().Name("name", name, "Enter a name.");

        Input.HasVisibleCharacter(name).ShouldBeTrue();
        errors.Any.ShouldBeFalse();
    }
}
