namespace ResellerKit.Engine.Users;

/// <summary>A password taken over (<see cref="ChangePassword.ReplaceAsync"/>): the user, and whether two-step sign-in was on and is now off.</summary>
public sealed record PasswordReplaced(User User, bool TwoStepTurnedOff);
