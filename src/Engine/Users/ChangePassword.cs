using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Users;

/// <summary>
/// A signed-in person changes their own password: the current one is required, the new one follows the password rules
/// (<see cref="Rules"/>) and is typed twice. Identity replaces the security stamp, so every other session of the user
/// ends; the caller signs the current one in again. Errors name the field: <see cref="Current"/>, <see cref="New"/> or
/// <see cref="Confirm"/>.
/// </summary>
public sealed class ChangePassword(UserManager<User> users, EngineDbContext db)
{
    public const string Current = "currentPassword";
    public const string New = "newPassword";
    public const string Confirm = "confirmPassword";

    /// <summary>The password rules in words (Identity's options in <see cref="EngineRegistration"/>).</summary>
    public const string Rules = "At least 12 characters, with upper- and lower-case letters and a digit.";

    /// <summary>What a refused new password, and a confirmation that differs, are told.</summary>
    public static readonly string RulesBroken = "The new password needs " + char.ToLowerInvariant(Rules[0]) + Rules[1..];

    public const string Mismatch = "The two new passwords are not the same.";

    public const string SameAsBefore = "Choose a password different from your current one.";

    public async Task<Result<User>> HandleAsync(Guid userId, string? current, string? newPassword, string? confirm, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return new NotFound("user");
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(current) || !await users.CheckPasswordAsync(user, current))
        {
            errors[Current] = ["That is not your current password."];
        }
        if (await BreaksTheRulesAsync(user, newPassword))
        {
            errors[New] = [RulesBroken];
        }
        else if (newPassword == current)
        {
            errors[New] = [SameAsBefore];
        }
        if (newPassword != confirm)
        {
            errors[Confirm] = [Mismatch];
        }
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }
        var changed = await users.ChangePasswordAsync(user, current!, newPassword!);
        return changed.Succeeded ? user : ValidationFailed.For(New, string.Join(" ", changed.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Checks a password the person chooses without their current one (they proved who they are another way), by the
    /// rules and its confirmation; changes nothing. Errors name <see cref="New"/> or <see cref="Confirm"/>.
    /// </summary>
    public async Task<Result<User>> CheckChosenAsync(Guid userId, string? newPassword, string? confirm, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return new NotFound("user");
        }
        if (await BreaksTheRulesAsync(user, newPassword))
        {
            return ValidationFailed.For(New, RulesBroken);
        }
        if (await users.CheckPasswordAsync(user, newPassword!))
        {
            return ValidationFailed.For(New, SameAsBefore);
        }
        return newPassword == confirm ? user : ValidationFailed.For(Confirm, Mismatch);
    }

    /// <summary>
    /// Takes the user over with a password <see cref="CheckChosenAsync"/> accepted (a hand-over: someone else set the
    /// account up): the password is replaced and, in the same transaction, two-step sign-in is turned off, its
    /// authenticator key replaced and its recovery codes voided, since whoever set the password up may have enrolled
    /// an app of their own. The security stamp changes, so every other session of the user ends; the caller signs the
    /// current one in again.
    /// </summary>
    public Task<Result<PasswordReplaced>> ReplaceAsync(Guid userId, string newPassword, CancellationToken ct) =>
        db.InTransactionAsync<PasswordReplaced>(async token =>
        {
            token.ThrowIfCancellationRequested();
            // Read again: the row may have changed since it was checked (a failed sign-in counts on it), and Identity's
            // update is guarded by its concurrency stamp.
            if (await users.FindByIdAsync(userId.ToString()) is not { } user)
            {
                return new NotFound("user");
            }
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
            if (!reset.Succeeded)
            {
                return ValidationFailed.For(New, string.Join(" ", reset.Errors.Select(e => e.Description)));
            }
            var twoStepWasOn = await users.GetTwoFactorEnabledAsync(user);
            if (twoStepWasOn || await users.GetAuthenticatorKeyAsync(user) is not null)
            {
                var off = await users.SetTwoFactorEnabledAsync(user, false);
                var rekeyed = off.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : off;
                if (!rekeyed.Succeeded || await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null)
                {
                    throw new InvalidOperationException($"Turning two-step sign-in off for user {userId} failed: {string.Join(" ", rekeyed.Errors.Select(e => e.Description))}");
                }
            }
            return new PasswordReplaced(user, twoStepWasOn);
        }, ct);

    private async Task<bool> BreaksTheRulesAsync(User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return true;
        }
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded)
            {
                return true;
            }
        }
        return false;
    }
}
