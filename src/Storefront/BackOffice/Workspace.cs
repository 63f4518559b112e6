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

    public AgencyId Agency => AgencyId ?? throw new InvalidOperationException("This workspace has no agency.");

    public SubAccountId Account => SubAccountId ?? throw new InvalidOperationException("This workspace is not a client account.");
}
