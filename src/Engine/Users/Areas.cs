namespace ResellerKit.Engine.Users;

/// <summary>The parts of an account that a team member's role can open, one by one.</summary>
[Flags]
public enum Areas
{
    None = 0,
    Credits = 1,
    Packs = 2,
    Theme = 4,
    SubAccounts = 8,
    Reports = 16,
    Settings = 32,
    All = Credits | Packs | Theme | SubAccounts | Reports | Settings,
}
