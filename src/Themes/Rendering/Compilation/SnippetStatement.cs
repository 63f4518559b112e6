using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>
/// <c>{% render 'name' %}</c> and <c>{% include 'name' %}</c>, loading only <c>snippets/name.liquid</c> of the theme
/// being rendered (never a path, never another agency's file), compiled through the same containment as every file,
/// and counting the nesting depth so that a snippet that renders itself stops with a clear error. A name that is no
/// snippet of the theme prints nothing and is reported as the render's problem (<see cref="RenderResult.Problem"/>).
/// </summary>
/// <remarks>Both tags see the caller's variables plus their arguments, in a scope of their own.</remarks>
internal sealed class SnippetStatement : Statement
{
    private readonly string tag;
    private readonly string? literalName;
    private readonly Expression? nameExpression;
    private readonly IReadOnlyList<AssignStatement> arguments;
    private readonly Expression? with;
    private readonly Expression? @for;
    private readonly string? alias;

    private SnippetStatement(
        string tag, string? literalName, Expression? nameExpression, IReadOnlyList<AssignStatement> arguments, Expression? with, Expression? @for, string? alias)
    {
        this.tag = tag;
        this.literalName = literalName;
        this.nameExpression = nameExpression;
        this.arguments = arguments;
        this.with = with;
        this.@for = @for;
        this.alias = alias;
    }

    public static SnippetStatement ForRender(RenderStatement render, IReadOnlyList<AssignStatement> arguments, Expression? with, Expression? @for) =>
        new("render", render.Path, null, arguments, with, @for, render.Alias);

    public static SnippetStatement ForInclude(IncludeStatement include, IReadOnlyList<AssignStatement> arguments, Expression? with, Expression? @for) =>
        new("include", null, include.Path, arguments, with, @for, include.Alias);

    public override async ValueTask<Completion> WriteToAsync(IFluidOutput output, TextEncoder encoder, TemplateContext context)
    {
        var state = RenderState.Require(context, tag);
        context.IncrementSteps();
        var name = literalName ?? (nameExpression is null ? "" : (await nameExpression.EvaluateAsync(context)).ToStringValue(context));
        if (state.Cache.Snippet(state.Theme, name, tag, out var missing) is not { } snippet)
        {
            // A name the linter refuses, in a theme stored before it did (or one built at render time): the tag prints
            // nothing, the rest of the page renders, and the editor is told.
            state.Skipped(missing!);
            return Completion.Normal;
        }

        if (state.SnippetDepth >= state.Limits.MaxRecursion)
        {
            throw new ThemeRenderException(
                $"Snippets are nested more than {state.Limits.MaxRecursion} deep ({tag} '{name}'); does a snippet render itself?", limit: ThemeLimit.Recursion);
        }

        var caller = state.CurrentPath;
        var variable = alias ?? SnippetPaths.NameOf(snippet.Path);
        var scope = context.EnterScope(ScopeBehavior.Local);
        state.SnippetDepth++;
        foreach (var argument in arguments)
        {
            context.SetValue(argument.Identifier, await argument.Value.EvaluateAsync(context));
        }

        if (with is not null)
        {
            context.SetValue(variable, await with.EvaluateAsync(context));
            await RunAsync(snippet, output, encoder, context, state);
        }
        else if (@for is not null)
        {
            var items = await @for.EvaluateAsync(context);
            foreach (var item in items is ArrayValue array ? array.Values : [items])
            {
                context.IncrementSteps();
                context.SetValue(variable, item);
                await RunAsync(snippet, output, encoder, context, state);
            }
        }
        else
        {
            await RunAsync(snippet, output, encoder, context, state);
        }

        // Restored only on success: after a failure the innermost file is the one to report.
        state.SnippetDepth--;
        state.CurrentPath = caller;
        scope.Dispose();
        return Completion.Normal;
    }

    private static async ValueTask RunAsync(CompiledTemplate snippet, IFluidOutput output, TextEncoder encoder, TemplateContext context, RenderState state)
    {
        state.CurrentPath = snippet.Path;
        await snippet.Template.RenderAsync(output, encoder, context);
    }
}
