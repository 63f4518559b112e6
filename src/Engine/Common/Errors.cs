namespace ResellerKit.Engine.Common;

/// <summary>A resource that does not exist, or belongs to another tenant: the two are indistinguishable.</summary>
public sealed record NotFound(string Resource) : Error("not_found")
{
    public override string Detail => $"The {Resource} was not found.";
}

/// <summary>Input that fails validation; <see cref="Errors"/> maps a field name to its messages.</summary>
public sealed record ValidationFailed(IReadOnlyDictionary<string, string[]> Errors) : Error("validation_failed")
{
    public override string Detail => "One or more fields are invalid: " + string.Join("; ",
        Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    public static ValidationFailed For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The request is valid but conflicts with the resource's current state.</summary>
public sealed record Conflict(string Message) : Error("conflict")
{
    public override string Detail => Message;
}

/// <summary>The caller is known but may not do this (a feature that is off, a role that lacks the right).</summary>
public sealed record Forbidden(string Message) : Error("forbidden")
{
    public override string Detail => Message;
}
