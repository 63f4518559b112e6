using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// Many rows bound as one array parameter per column (PostgreSQL): a statement reads them back with <c>unnest</c>, so
/// its text is the same whatever the number of rows, and it binds a handful of parameters instead of one per value.
/// A statement of hundreds of parameters cost the writer a parameter object each and the server a parse and a plan
/// of its long <c>VALUES</c> list on every batch. Each value is converted as its column's mapping converts it (an id
/// to its GUID, an enum to its string), so the rows stored are the rows EF would store.
/// </summary>
internal sealed partial class RawSql
{
    /// <summary>One array parameter of <paramref name="values"/> (not empty), all of one column.</summary>
    public Arg ArrayArg(IReadOnlyList<Arg> values) => ArrayArg(values[0].Mapping, values.Select(v => v.Value));

    /// <summary>One array parameter of <paramref name="values"/> of <typeparamref name="T"/>.<paramref name="property"/>.</summary>
    public Arg ArrayArg<T>(string property, IEnumerable<object?> values) => ArrayArg(Mapping(typeof(T), property), values);

    /// <summary>The rows' values by column: one array parameter per column, in the columns' order.</summary>
    public IReadOnlyList<Arg> ColumnArrays(IReadOnlyList<IReadOnlyList<Arg>> rows) =>
        Enumerable.Range(0, rows[0].Count).Select(c => ArrayArg(rows.Select(row => row[c]).ToList())).ToList();

    private Arg ArrayArg(RelationalTypeMapping element, IEnumerable<object?> values)
    {
        var provided = values.Select(v => v is null || element.Converter is not { } converter ? v : converter.ConvertToProvider(v)).ToList();
        var type = ProviderType(element);
        if (type.IsValueType && provided.Any(v => v is null))
        {
            throw new NotSupportedException($"A null {type.Name} is not bound in an array.");
        }
        var array = Array.CreateInstance(type, provided.Count);
        for (var i = 0; i < provided.Count; i++) array.SetValue(provided[i], i);
        arrayMappings ??= db.GetService<IRelationalTypeMappingSource>();
        var mapping = arrayMappings.FindMapping(array.GetType()) ?? throw new NotSupportedException($"{type.Name}[] has no type mapping.");
        return new Arg(mapping, array);
    }

    private IRelationalTypeMappingSource? arrayMappings;
}
