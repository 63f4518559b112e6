using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine.SubAccounts;

public sealed record CreateSubAccountCommand(string? Name, string? Email, CreditMode? CreditMode);

public sealed record CreatedSubAccount(SubAccount SubAccount, string InitialPassword);

/// <summary>
/// Creates an agency-owned sub-account at once, with a client user whose generated first password is returned
/// (shown once) and emailed. The agency owns the account and pays for it.
/// </summary>
public sealed class CreateSubAccount(EngineDbContext db, UserManager<User> users, Mailer mailer, WebhookEvents webhooks, TimeProvider clock)
{
    public Task<Result<CreatedSubAccount>> HandleAsync(AgencyId agencyId, CreateSubAccountCommand command, Actor actor, CancellationToken ct) =>
        CreateAsync(agencyId, command, Ownership.Agency, actor, ct);

    /// <summary>
    /// The same, for the platform's house agency: an account the client owns itself (it buys its own credits), which
    /// agencies can ask to connect to.
    /// </summary>
    public Task<Result<CreatedSubAccount>> ClientOwnedAsync(AgencyId houseAgencyId, CreateSubAccountCommand command, Actor actor, CancellationToken ct) =>
        CreateAsync(houseAgencyId, command with { CreditMode = CreditMode.Reselling }, Ownership.Client, actor, ct);

    private async Task<Result<CreatedSubAccount>> CreateAsync(
        AgencyId agencyId, CreateSubAccountCommand command, Ownership ownership, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Name("name", command.Name, $"Enter the client's name, 1 to {Input.MaxNameLength} characters.")
            .When(!Input.IsEmail(command.Email), "email", "Enter a valid email address, like client@example.com.")
            .When(command.CreditMode is { } mode && !Enum.IsDefined(mode), "creditMode", "creditMode must be \"shared\" or \"reselling\".");
        if (errors.Any)
        {
            return errors.ToError();
        }
        var email = Input.NormalizeEmail(command.Email!);
        if (await db.SubAccounts.AnyAsync(s => s.AgencyId == agencyId && s.Email == email, ct))
        {
            return new DuplicateValue("email", $"You already have a sub-account for {email}.");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new DuplicateValue("email",
                $"{email} already has an account. Send it a connection request instead, so that its owner keeps control.");
        }

        return await db.InTransactionAsync<CreatedSubAccount>(async token =>
        {
            var now = clock.GetUtcNow();
            var (subAccount, wallets) = SubAccount.Create(
                agencyId, command.Name!, email, command.CreditMode ?? CreditMode.Shared, ownership, now);
            db.SubAccounts.Add(subAccount);
            db.Wallets.AddRange(wallets);
            db.AuditEvents.Add(AuditEvent.Record(actor, "sub_account.created", agencyId, subAccount.Id,
                new { subAccount.Name, subAccount.Email, creditMode = subAccount.CreditMode.ToString(), ownership = ownership.ToString() }, now));
            await db.SaveChangesAsync(token);

            var password = PasswordGenerator.Generate();
            var user = User.Create(email, subAccount.Name, now);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new ValidationFailed(new Dictionary<string, string[]>
                {
                    ["email"] = created.Errors.Select(e => e.Description).ToArray(),
                });
            }
            await users.AddToRoleAsync(user, Roles.ClientUser);
            db.Memberships.Add(Membership.Create(user.Id, agencyId, subAccount.Id, MembershipRole.Owner, now));
            mailer.Send(new EmailRequest(EmailKind.SubAccountCredentials, email, subAccount.Name, agencyId)
            {
                SubAccountId = subAccount.Id,
                Password = password,
            });
            await webhooks.PublishAsync(agencyId, WebhookEventTypes.SubAccountCreated, new
            {
                subAccountId = subAccount.Id, name = subAccount.Name, email = subAccount.Email,
                creditMode = subAccount.CreditMode == CreditMode.Reselling ? "reselling" : "shared", ownership = "agency",
            }, token, subAccount.Id);
            await db.SaveChangesAsync(token);
            return new CreatedSubAccount(subAccount, password);
        }, ct);
    }
}
