using ResellerKit.Engine.Assist;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// One place the signed-in user can work in, with what they may do there. For an agency user assisting a client,
/// <see cref="Assist"/> is the live session and <see cref="Areas"/> never exceed what the agency has on that account.
/// </summary>
public sealed record Workspace(
    WorkspaceKind Kind, string Name, AgencyId? AgencyId, SubAccountId? SubAccountId, MembershipRole Role, Areas Areas, AssistSession? Assist = null)
{
    public string Key => Kind switch
    {
        WorkspaceKind.Platform => "platform",
        WorkspaceKind.Agency => $"agency:{AgencyId}",
        _ => $"sub:{SubAccountId}",
    };

    public bool Can(Areas area) => Areas.HasFlag(area);

    public bool IsManager => Role is MembershipRole.Owner or MembershipRole.Admin;

    /// <summary>
    /// A client account's campaigns open with its Settings, like the account's other configuration: always for the
    /// account's own users, and for an agency assisting only if the client's role for it (or the member's) includes Settings.
    /// </summary>
    public bool OpensClientCampaigns => Kind == WorkspaceKind.SubAccount && Can(Areas.Settings);

    /// <summary>The client account, opened by one of its own users rather than an agency assisting: its access log and who has access are theirs alone.</summary>
    public bool IsClientsOwn => Kind == WorkspaceKind.SubAccount && Assist is null;

    public AgencyId Agency => AgencyId ?? throw new InvalidOperationException("This workspace has no agency.");

    public SubAccountId Account => SubAccountId ?? throw new InvalidOperationException("This workspace is not a client account.");
}
