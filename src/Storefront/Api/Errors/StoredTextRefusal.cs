using System.Data.Common;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// The database's refusal of text it cannot store: PostgreSQL's "invalid byte sequence" (SQLSTATE 22021) for a NUL
/// character, which SQLite and SQL Server accept. EF may wrap it (a failed save), so the chain of causes is searched.
/// </summary>
public static class StoredTextRefusal
{
    private const string CharacterNotInRepertoire = "22021";

    public static DbException? Find(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: CharacterNotInRepertoire } refusal)
            {
                return refusal;
            }
        }
        return null;
    }
}
