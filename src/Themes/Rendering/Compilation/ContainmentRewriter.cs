using Fluid.Ast;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>
/// Rewrites a parsed template so that render and include load only the same theme's snippets, under the same budget.
/// Ranges, captures, loops and output are bounded by Fluid 3's own limits (see <see cref="ThemeTemplateOptions"/>).
/// </summary>
internal sealed class ContainmentRewriter : AstRewriter
{
    protected override Statement VisitRenderStatement(RenderStatement renderStatement) =>
        SnippetStatement.ForRender(renderStatement, VisitAll(renderStatement.AssignStatements), Visit(renderStatement.With), Visit(renderStatement.For));

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) =>
        SnippetStatement.ForInclude(includeStatement, VisitAll(includeStatement.AssignStatements), Visit(includeStatement.With), Visit(includeStatement.For));

    private List<AssignStatement> VisitAll(IReadOnlyList<AssignStatement>? assignments) =>
        (assignments ?? []).Select(a => (AssignStatement)VisitAssignStatement(a)).ToList();
}
