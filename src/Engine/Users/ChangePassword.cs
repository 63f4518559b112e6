using Microsoft.AspNetCore.Identity;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Users;

/// <summary>
/// A signed-in person changes their own password: the current one is required, the new one follows the password rules
/// (<see cref="Rules"/>) and is typed twice. Identity replaces the security stamp, so every other session of the user
/// ends; the caller signs the current one in again. Errors name the field: <see cref="Current"/>, <see cref="New"/> or
/// <see cref="Confirm"/>.
/// </summary>
public sealed class ChangePassword(UserManager<User> users)
{
    public const string Current = "currentPassword";
    public const string New = "newPassword";
    public const string Confirm = "confirmPassword";

    /// <summary>The password rules in words (Identity's options in <see cref="EngineRegistration"/>).</summary>
    public const string Rules = "At least 12 characters, with upper- and lower-case letters and a digit.";

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
        if (string.IsNullOrEmpty(newPassword) || !(await ValidateAsync(user, newPassword)).Succeeded)
        {
            errors[New] = ["The new password needs " + char.ToLowerInvariant(Rules[0]) + Rules[1..]];
        }
        else if (newPassword == current)
        {
            errors[New] = ["Choose a password different from your current one."];
        }
        if (newPassword != confirm)
        {
            errors[Confirm] = ["The two new passwords are not the same."];
        }
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }
        var changed = await users.ChangePasswordAsync(user, current!, newPassword!);
        return changed.Succeeded ? user : ValidationFailed.For(New, string.Join(" ", changed.Errors.Select(e => e.Description)));
    }

    private async Task<IdentityResult> ValidateAsync(User user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                return result;
            }
        }
        return IdentityResult.Success;
    }
}
