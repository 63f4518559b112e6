using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// Many rows bound as one parameter (SQLite): the rows go as a JSON array of arrays in one parameter (its UTF-8), and the
/// statement reads them back with <c>jsonb_each</c> (<c>value -&gt;&gt; i</c> is a row's i-th value), so a batch writes
/// each table with one statement of one parameter. Microsoft.Data.Sqlite finds each named parameter by a walk along the
/// statement's names and makes an object per value: a multi-row statement of N parameters cost about N² to bind, and a
/// one-row statement per row cost a statement step and a bind each. Each value goes into the JSON as the provider would
/// bind it (<see cref="JsonValue"/>), so the rows stored are the rows EF would store. <c>jsonb_each</c> rather than
/// <c>json_each</c>: the text is parsed once, and each row comes out as a slice of SQLite's binary JSON, which
/// <c>-&gt;&gt;</c> reads as it is; <c>json_each</c> gave each row back as text, which every <c>-&gt;&gt;</c> of the
/// row parsed again (about a tenth of the writer's CPU under P1b, in <c>jsonTranslateBlobToText</c>/<c>TextToBlob</c>).
/// </summary>
internal sealed partial class RawSql
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private RelationalTypeMapping? bytesMapping;

    /// <summary>
    /// The most rows of debits to bind as one <see cref="JsonArg"/>: about 40 KB of JSON, under the runtime's
    /// large-object threshold (85,000 bytes), which every larger parameter would take as an allocation of its own.
    /// </summary>
    public const int RowsPerJson = 100;

    /// <summary>Whether rows are bound as JSON (<see cref="JsonRows"/>): on SQLite.</summary>
    public bool BindsRowsAsJson => IsSqlite;

    /// <summary>
    /// <c>(SELECT value -&gt;&gt; 0 AS a, value -&gt;&gt; 1 AS b, ... FROM jsonb_each(CAST(@p{parameter} AS TEXT)))</c>: the rows of
    /// <see cref="JsonArg"/> as a table whose columns are <paramref name="columns"/> (<c>"a, b"</c>); the columns in
    /// <paramref name="blobs"/> come as hex and are turned back into bytes.
    /// </summary>
    public static string JsonRows(string columns, int parameter, IReadOnlyCollection<string>? blobs = null) =>
        $"(SELECT {string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries).Select((c, i) =>
            blobs?.Contains(c) == true ? $"unhex(value ->> {i}) AS {c}" : $"value ->> {i} AS {c}"))}, key AS {RowIndex} FROM jsonb_each(CAST(@p{parameter} AS TEXT)))";

    /// <summary>The column of <see cref="JsonRows"/> that holds each row's place in the array: 0 for the first row.</summary>
    public const string RowIndex = "row_index";

    /// <summary>
    /// The one parameter of <see cref="JsonRows"/>: every row's values, in the columns' order. The JSON goes as the UTF-8
    /// the writer made, bound as bytes and read as text by the statement's <c>CAST</c> (the bytes as they are, in the
    /// file's UTF-8): bound as a string, the text of a batch (about 120 KB for 300 debits) was decoded into a string of
    /// twice that size, then encoded back into UTF-8 to bind it, each a large-object allocation and a copy per statement.
    /// </summary>
    public Arg JsonArg(IEnumerable<IReadOnlyList<Arg>> rows)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                foreach (var arg in row) JsonValue(json, arg);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        bytesMapping ??= db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(byte[]))!;
        return new Arg(bytesMapping, buffer.WrittenSpan.ToArray());
    }

    /// <summary>
    /// One guarded UPDATE of many rows from their JSON (<see cref="UpdateRows"/>'s SQLite form):
    /// <c>{Update} FROM (SELECT ... FROM jsonb_each(...)) AS v WHERE {Where}</c>. <paramref name="shared"/> are <c>@p0</c>
    /// on; the rows are the parameter after them. A row whose guard does not hold is left out, as there.
    /// </summary>
    public RawStatement UpdateJsonRows(RowsUpdate text, IReadOnlyList<Arg> shared, IReadOnlyList<Arg[]> rows) =>
        new($"{text.Update} FROM {JsonRows(text.Columns, shared.Count)} AS v WHERE {text.Where}", [.. shared, JsonArg(rows)]);

    /// <summary>One INSERT of many rows of <typeparamref name="T"/> from their JSON: each row's values are <paramref name="properties"/>' in order.</summary>
    public RawStatement InsertJsonRows<T>(IReadOnlyList<string> properties, IEnumerable<IReadOnlyList<Arg>> rows) => InsertJsonRows<T>(properties, JsonArg(rows));

    /// <summary>
    /// The same from a <see cref="JsonArg"/> already made, whose rows may carry more values after <paramref name="properties"/>'
    /// (another statement's, reading the same parameter): they are not read.
    /// </summary>
    public RawStatement InsertJsonRows<T>(IReadOnlyList<string> properties, Arg rows) => InsertJsonRows<T>(properties, rows, null);

    /// <summary>
    /// The same, with each row's <paramref name="numbered"/> (an integer key) given by the statement: the row at index i
    /// of the JSON gets <c>@p1 + i + 1</c>, <paramref name="after"/> being <c>@p1</c> (see <see cref="LastKeyAsync{T}"/>).
    /// </summary>
    public RawStatement InsertJsonRows<T>(IReadOnlyList<string> properties, Arg rows, (string Numbered, long After)? keys)
    {
        var names = properties.Select((_, i) => $"c{i}").ToList();
        var blobs = properties.Select((p, i) => (p, i)).Where(c => ProviderType(Property<T>(c.p).GetRelationalTypeMapping()) == typeof(byte[])).Select(c => names[c.i]).ToList();
        var columns = string.Join(", ", properties.Select(Column<T>));
        var values = string.Join(", ", names);
        if (keys is { } numbered)
        {
            columns = $"{Column<T>(numbered.Numbered)}, {columns}";
            values = $"@p1 + {RowIndex} + 1, {values}";
        }
        return new RawStatement(
            $"INSERT INTO {Table<T>()} ({columns}) SELECT {values} FROM {JsonRows(string.Join(", ", names), 0, blobs)}",
            keys is { } k ? [rows, Arg<T>(k.Numbered, k.After)] : [rows]);
    }

    /// <summary>
    /// The last key <typeparamref name="T"/>'s <c>AUTOINCREMENT</c> <paramref name="key"/> has taken (SQLite; 0 when none):
    /// the larger of SQLite's record of it and the largest in the table. Inside the writer's transaction, which holds
    /// the database's write lock, nothing else can take the keys after it, so a statement may number its rows from it.
    /// </summary>
    public async Task<long> LastKeyAsync<T>(string key, CancellationToken ct)
    {
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!.Replace("'", "''", StringComparison.Ordinal);
        var text = $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX({Column<T>(key)}) FROM {Table<T>()}), 0))";
        await using var reader = await ReadAsync(text, [], ct);
        return await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
    }

    // A value as Microsoft.Data.Sqlite binds it once its mapping converted it: a GUID is upper-case text, a bool 0 or 1,
    // bytes are hex (turned back by unhex), text is text (a lone surrogate made U+FFFD, as its UTF-8 binding does).
    private static void JsonValue(Utf8JsonWriter json, Arg arg)
    {
        var value = arg.Value is null || arg.Mapping.Converter is not { } converter ? arg.Value : converter.ConvertToProvider(arg.Value);
        switch (value)
        {
            case null or DBNull: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? s : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s))); break;
            case Guid g: WriteGuid(json, g); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case short h: json.WriteNumberValue(h); break;
            case byte b: json.WriteNumberValue(b); break;
            case bool b: json.WriteNumberValue(b ? 1 : 0); break;
            case byte[] bytes: json.WriteStringValue(Convert.ToHexString(bytes)); break;
            default: throw new NotSupportedException($"A {value.GetType().Name} is not bound as JSON.");
        }
    }

    // A GUID as upper-case text, formatted straight into UTF-8 and written as it is: its 36 characters are hex digits and
    // hyphens, which JSON never escapes (WriteStringValue checked and transcoded each, ~7% of the writer's own code).
    private static void WriteGuid(Utf8JsonWriter json, Guid guid)
    {
        Span<byte> text = stackalloc byte[38];
        text[0] = text[37] = (byte)'"';
        guid.TryFormat(text[1..37], out _);
        Ascii.ToUpperInPlace(text[1..37], out _);
        json.WriteRawValue(text, skipInputValidation: true);
    }

    private static Type ProviderType(RelationalTypeMapping mapping) => mapping.Converter?.ProviderClrType ?? mapping.ClrType;
}
