using System.Buffers.Text;
using System.Text;

namespace ResellerKit.Engine.Common;

/// <summary>One page of a list, in the API's shape: <c>{ data, nextCursor }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor)
{
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Data.Select(map).ToList(), NextCursor);
}

/// <summary>A request for one page: how many rows, and the opaque cursor a previous page returned.</summary>
public sealed record PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>The words for a limit out of range, whether it reached <see cref="Parse"/> or was too large to read as a number.</summary>
    public static readonly string LimitOutOfRange = $"limit must be between 1 and {MaxLimit}.";

    private const string CursorNotOurs = "The cursor is not one this API returned.";

    public static Result<PageRequest> Parse(int? limit, string? cursor)
    {
        var errors = new FieldErrors()
            .When(limit is < 1 or > MaxLimit, "limit", LimitOutOfRange);
        string? after = null;
        if (!string.IsNullOrEmpty(cursor) && !Cursor.TryDecode(cursor, out after))
        {
            errors.Add("cursor", CursorNotOurs);
        }
        return errors.Any ? errors.ToError() : new PageRequest(limit ?? DefaultLimit, after);
    }

    /// <summary>A cursor that decodes but holds no position its list could have written (a list checks its own kind of position).</summary>
    public static ValidationFailed UnknownCursor() => ValidationFailed.For("cursor", CursorNotOurs);

    /// <summary>
    /// The position of a list ordered by a number (a sequence): null on the first page, <see cref="UnknownCursor"/> for
    /// a cursor that holds anything else.
    /// </summary>
    public Result<long?> NumberAfter()
    {
        if (After is null)
        {
            return (long?)null;
        }
        if (!long.TryParse(After, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return UnknownCursor();
        }
        return number;
    }

    /// <summary>Builds the page from up to <see cref="Limit"/> + 1 rows; the extra row only says there is more.</summary>
    public Page<T> ToPage<T>(List<T> rows, Func<T, string> cursorOf)
    {
        var more = rows.Count > Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new Page<T>(rows, more ? Cursor.Encode(cursorOf(rows[^1])) : null);
    }
}

public static class Cursor
{
    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    public static bool TryDecode(string cursor, out string? position)
    {
        position = null;
        if (cursor.Length > 512) return false;
        try
        {
            position = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return !Input.HasControlCharacters(position); // Never one this API wrote; PostgreSQL would refuse a NUL in it.
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
