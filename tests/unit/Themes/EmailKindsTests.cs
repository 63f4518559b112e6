using ResellerKit.Engine.Notifications;
using ResellerKit.Themes.Email;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>The Engine queues an <see cref="EmailKind"/> and the Storefront renders the template of the same name
/// (<see cref="EmailMessageKind"/>): the two projects do not reference each other, so the names must match.</summary>
public sealed class EmailKindsTests
{
    [Fact]
    public void EmailKind_EveryKindTheEngineSends_HasATemplateOfTheSameName()
    {
        Enum.GetNames<EmailKind>().Order().ShouldBe(Enum.GetNames<EmailMessageKind>().Order());
    }
}
