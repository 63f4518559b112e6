using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>One statement of <see cref="RawSql.ExecuteAllAsync"/>: its text (parameters <c>@p0</c>, <c>@p1</c>, ...) and their values.</summary>
internal sealed record RawStatement(string Sql, IReadOnlyList<Arg> Args);

/// <summary>
/// The text of a <see cref="RawSql.UpdateRows"/>: <c>UPDATE t AS x SET … = v.…</c>, the names of the rows' columns
/// (<c>v</c>), and the WHERE that joins each row (<c>x</c>) to its values and holds its guards.
/// </summary>
internal sealed record RowsUpdate(string Update, string Columns, string Where);

/// <summary>One SELECT of <see cref="RawSql.ReadAllAsync"/>, and what to do with each of its rows.</summary>
internal sealed record RawRead(RawStatement Statement, Action<DbDataReader> Row);

/// <summary>One bound value of a <see cref="RawSql"/> statement, with the type mapping of the column it goes to.</summary>
internal readonly record struct Arg(RelationalTypeMapping Mapping, object? Value);
