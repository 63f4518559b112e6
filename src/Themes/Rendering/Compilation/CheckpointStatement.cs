using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using ResellerKit.Themes.Rendering.Budget;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>Put first in every loop body: each turn of a loop checks the render's clock, even when it writes nothing.</summary>
internal sealed class CheckpointStatement : Statement
{
    public static readonly CheckpointStatement Instance = new();

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        RenderState.Of(context)?.Checkpoint();
        return Normal();
    }
}
