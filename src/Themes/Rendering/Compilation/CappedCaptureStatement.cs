using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>
/// <c>{% capture x %}</c> that writes into a size-capped buffer: Fluid's own capture grows without limit, and
/// doubling a captured string in a loop would exhaust memory before any step limit.
/// </summary>
internal sealed class CappedCaptureStatement(string identifier, IReadOnlyList<Statement> statements) : Statement
{
    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var state = RenderState.Require(context, "capture");
        using var buffer = new CappedWriter(state, state.Limits.MaxStringChars, $"captured text '{identifier}'");
        var completion = Completion.Normal;
        foreach (var statement in statements)
        {
            completion = await statement.WriteToAsync(buffer, encoder, context);
            if (completion != Completion.Normal)
            {
                break;
            }
        }

        var text = buffer.ToString();
        state.Captures[identifier] = text;
        context.SetValue(identifier, new StringValue(text, encode: false));
        return completion;
    }
}
