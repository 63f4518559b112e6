namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>What a saved form shows: nothing wrong (<see cref="Saved"/>), or words of any kind (a refusal that is the right answer, or a page elsewhere).</summary>
public enum FormOutcome
{
    Saved,
    Words,
}

/// <summary>
/// How the walk submits one back-office form, found by its key (the Blazor form name, or the method and action with
/// ids as <c>{id}</c>). Fields are CSS selectors inside the form; <c>{n}</c> in a value becomes a number unique to the
/// run, <c>{owner-password}</c> the demo owner's password. <see cref="Invalid"/> is the value a person gets wrong; null when the form has nothing to get wrong (a button).
/// A form the walk must not submit says why in <see cref="Skip"/>.
/// </summary>
public sealed record FormProbe(
    string Key,
    IReadOnlyDictionary<string, string>? Valid = null,
    IReadOnlyDictionary<string, string>? Invalid = null,
    FormOutcome Outcome = FormOutcome.Saved,
    string? Skip = null,
    string? ThenClick = null);
