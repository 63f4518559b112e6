using Fluid;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>A theme file that passed the containment scan and parsed, with its tree rewritten to enforce the limits.</summary>
internal sealed record CompiledTemplate(string Path, IFluidTemplate Template);
