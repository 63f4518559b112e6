using Fluid.Ast;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>
/// Rewrites a parsed template so that the limits hold while it runs: ranges are capped, captures are size-capped,
/// every loop turn checks the clock, and render/include load only the same theme's snippets.
/// </summary>
internal sealed class ContainmentRewriter : AstRewriter
{
    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new CappedRangeExpression(Visit(rangeExpression.From), Visit(rangeExpression.To));

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        var visited = (CaptureStatement)base.VisitCaptureStatement(captureStatement);
        return new CappedCaptureStatement(visited.Identifier, visited.Statements);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var visited = (ForStatement)base.VisitForStatement(forStatement);
        return new ForStatement(
            WithCheckpoint(visited.Statements),
            visited.Identifier,
            visited.Source ?? visited.Range,
            visited.Limit,
            visited.Offset,
            visited.Reversed,
            visited.Else);
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
    {
        var visited = (TableRowStatement)base.VisitTableRowStatement(tableRowStatement);
        return new TableRowStatement(
            WithCheckpoint(visited.Statements), visited.Identifier, visited.Source, visited.Limit, visited.Offset, visited.Cols);
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement) =>
        SnippetStatement.ForRender(renderStatement, VisitAll(renderStatement.AssignStatements), Visit(renderStatement.With), Visit(renderStatement.For));

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) =>
        SnippetStatement.ForInclude(includeStatement, VisitAll(includeStatement.AssignStatements), Visit(includeStatement.With), Visit(includeStatement.For));

    private List<AssignStatement> VisitAll(IReadOnlyList<AssignStatement>? assignments) =>
        (assignments ?? []).Select(a => (AssignStatement)VisitAssignStatement(a)).ToList();

    private static List<Statement> WithCheckpoint(IReadOnlyList<Statement> statements) => [CheckpointStatement.Instance, .. statements];
}
