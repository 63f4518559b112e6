namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>One kind of person who opens the back office. <see cref="ServesAClient"/>: the agency's brand only, never the vendor's.</summary>
public sealed record WalkRole(string Name, bool ServesAClient = false, bool SubmitsForms = false)
{
    public static readonly WalkRole Anonymous = new("anonymous", SubmitsForms: true);
    public static readonly WalkRole PlatformAdmin = new("platform-admin", SubmitsForms: true);
    public static readonly WalkRole Owner = new("owner", SubmitsForms: true);
    public static readonly WalkRole Client = new("client", ServesAClient: true, SubmitsForms: true);
    public static readonly WalkRole ClientOwned = new("client-owned", SubmitsForms: true);

    /// <summary>The agency's areas a member can be given, one member each (the values of the invitation's checkboxes).</summary>
    public static readonly IReadOnlyList<string> Areas = ["Credits", "Packs", "Theme", "SubAccounts", "Reports", "Settings"];

    public static WalkRole Member(string area) => new($"member-{area.ToLowerInvariant()}");

    /// <summary>Everyone, in the order the walk signs them in; the form walk submits as the first role that sees a form.</summary>
    public static IReadOnlyList<WalkRole> All { get; } =
        [Owner, PlatformAdmin, Client, ClientOwned, Anonymous, .. Areas.Select(Member)];

    public override string ToString() => Name;
}
