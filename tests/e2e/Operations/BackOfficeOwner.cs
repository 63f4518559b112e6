using System.Net;
using System.Text.RegularExpressions;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>
/// The storm agency's owner in the back office through the load balancer: accepts the emailed invite, then signs in
/// until the balancer's affinity puts the session on a chosen node (the one a test is going to kill).
/// </summary>
public static partial class BackOfficeOwner
{
    private const string Password = "Storm-Owner-Pass-1234";

    public static async Task<BackOfficeVisitor> SignInOnAsync(LoadBalancer balancer, Storm storm, MailDev mail, string node)
    {
        var invite = await mail.WaitForAsync(storm.OwnerEmail, "invited");
        var link = InviteLink().Match(invite.GetProperty("text").GetString()!);
        link.Success.ShouldBeTrue(invite.GetProperty("text").GetString());
        var accept = $"{balancer.Url}/admin/accept-invite?{link.Groups[1].Value}";
        using (var invited = new BackOfficeVisitor())
        {
            (await invited.SubmitAsync(accept, accept, ("_handler", "set-password"), ("Input.UserId", Uri.UnescapeDataString(link.Groups[2].Value)),
                ("Input.Token", Uri.UnescapeDataString(link.Groups[3].Value)), ("Input.Password", Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var visitor = new BackOfficeVisitor();
            var login = await visitor.SubmitAsync($"{balancer.Url}/admin/login", $"{balancer.Url}/admin/login",
                ("_handler", "login"), ("Input.Email", storm.OwnerEmail), ("Input.Password", Password));
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect, await login.Content.ReadAsStringAsync(Ct));
            if (balancer.BackOfficeNode == node)
            {
                return visitor;
            }
            visitor.Dispose();
        }
        throw new InvalidOperationException($"The balancer never put a back-office session on {node}.");
    }

    [GeneratedRegex(@"/admin/accept-invite\?(user=([^&\s""]+)&(?:amp;)?token=([^\s""<>]+))")]
    private static partial Regex InviteLink();
}
