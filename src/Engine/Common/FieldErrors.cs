namespace ResellerKit.Engine.Common;

/// <summary>Collects field-level validation messages at the boundary of a use case.</summary>
public sealed class FieldErrors
{
    // Made at the first error: most checks find none.
    private Dictionary<string, List<string>>? errors;

    public bool Any => errors is { Count: > 0 };

    public FieldErrors Add(string field, string message)
    {
        errors ??= new(StringComparer.Ordinal);
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public FieldErrors When(bool invalid, string field, string message) => invalid ? Add(field, message) : this;

    /// <summary>As <see cref="When(bool, string, string)"/>, for a message that can only be built once the value is known to be invalid.</summary>
    public FieldErrors When(bool invalid, string field, Func<string> message) => invalid ? Add(field, message()) : this;

    /// <summary>
    /// A required name shown to people: 1 to <paramref name="max"/> characters on one line, at least one of which shows
    /// (<see cref="Input.HasVisibleCharacter"/>); a name of only spaces or invisible characters is a missing name.
    /// </summary>
    public FieldErrors Name(string field, string? value, string message, int max = Input.MaxNameLength) =>
        !Input.HasVisibleCharacter(value) || value.Trim().Length > max ? Add(field, message) : Text(field, value, max);

    /// <summary>
    /// Optional text shown to people (null passes): at most <paramref name="max"/> characters and no control
    /// characters; <paramref name="multiline"/> text keeps its line breaks and tabs.
    /// </summary>
    public FieldErrors Text(string field, string? value, int max, bool multiline = false) => value switch
    {
        null => this,
        { Length: var length } when length > max => Add(field, $"{field} may be at most {max} characters."),
        _ when Input.HasControlCharacters(value, multiline) => Add(field, Input.ControlCharactersMessage(field, multiline)),
        _ => this,
    };

    public ValidationFailed ToError() =>
        new((errors ?? new(StringComparer.Ordinal)).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
