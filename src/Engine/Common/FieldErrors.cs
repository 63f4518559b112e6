namespace ResellerKit.Engine.Common;

/// <summary>Collects field-level validation messages at the boundary of a use case.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public FieldErrors When(bool invalid, string field, string message) => invalid ? Add(field, message) : this;

    public ValidationFailed ToError() => new(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
