using Microsoft.AspNetCore.Components;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.BackOffice;

namespace ResellerKit.Storefront.Components.Shared;

/// <summary>
/// What every back-office page needs: the signed-in state, the current workspace, the actor for the audit log, and a
/// check that the workspace may open the page (<see cref="Allows"/>) before anything is loaded.
/// </summary>
public abstract class BackOfficePage : ComponentBase
{
    [CascadingParameter] public BackOfficeState? State { get; set; }

    [CascadingParameter] public HttpContext? Http { get; set; }

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected Workspace? Current => State?.Current;

    protected Actor Actor => State?.Actor ?? Actor.System;

    protected CancellationToken Ct => Http?.RequestAborted ?? CancellationToken.None;

    /// <summary>True when the current workspace is of this kind and opens this area.</summary>
    protected bool Allows(WorkspaceKind kind, Areas area = Areas.None) =>
        Current is { } w && w.Kind == kind && (area == Areas.None || w.Can(area));

    /// <summary>Answers 404 for a resource outside the workspace: another tenant's looks exactly like a missing one.</summary>
    protected void NotFound() => Navigation.NotFound();

    /// <summary>
    /// The page's answer when it cannot do what was asked: the status (400 for a bad link, 403, 409, 410) while the
    /// response has not started, and the words the page shows next to its title.
    /// </summary>
    protected string Refuse(int status, string words)
    {
        if (Http is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = status;
        }
        return words;
    }
}
