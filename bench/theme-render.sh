#!/usr/bin/env bash
# Figure P2b of bench.sh: microseconds to render one storefront pack page (bench/ThemeRender/templates, DemoStorefront
# data) with ResellerKit's ThemeRenderer (Fluid, every containment guard on), DotLiquid and Shopify's Ruby Liquid, and
# how many times faster ResellerKit is (above 1: ResellerKit is faster). Each figure is the median of timed rounds of
# CPU time per render after a warm-up; see bench/ThemeRender/RenderTimer.cs. The last line printed is the P2b line.
# Usage: bench/theme-render.sh [quick]   (quick: 15-30 s including the build; full: about 70 s)
# Ruby runs as installed, without its JIT; RUBY_YJIT_ENABLE=1 turns YJIT on (Ruby's line then says "YJIT").
# Without Ruby or its liquid gem (apt-get install ruby-liquid) ruby-liquid and vs-ruby are n/a.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-full}
if [[ $mode != quick && $mode != full ]]; then
  echo "usage: bench/theme-render.sh [quick]" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! dotnet build bench/ThemeRender -c Release -nologo -v quiet >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "theme-render: the build of bench/ThemeRender failed" >&2
  exit 1
fi

dotnet bench/ThemeRender/bin/Release/net10.0/ThemeRender.dll "$mode" "$work" | tee "$work/dotnet.txt"
fluid=$(sed -n 's/^fluid_us=\([0-9.]*\) dotliquid_us=.*$/\1/p' "$work/dotnet.txt")
dotliquid=$(sed -n 's/^fluid_us=.* dotliquid_us=\([0-9.]*\)$/\1/p' "$work/dotnet.txt")
if [[ -z $fluid || -z $dotliquid ]]; then
  echo "theme-render: ThemeRender printed no fluid_us=… dotliquid_us=… line" >&2
  exit 1
fi

ruby=n/a
if ! command -v ruby >/dev/null 2>&1; then
  echo "theme-render: Ruby is not installed, so ruby-liquid is n/a (on Debian: apt-get install ruby-liquid)"
elif ! ruby -e 'require "liquid"' >/dev/null 2>&1; then
  echo "theme-render: Ruby has no liquid gem, so ruby-liquid is n/a (on Debian: apt-get install ruby-liquid)"
else
  ruby bench/ThemeRender/ruby/render.rb "$mode" "$work/data.json" "$work/fluid.html" | tee "$work/ruby.txt"
  ruby=$(sed -n 's/^ruby_us=\([0-9.]*\)$/\1/p' "$work/ruby.txt")
  if [[ -z $ruby ]]; then
    echo "theme-render: render.rb printed no ruby_us=… line" >&2
    exit 1
  fi
fi

ratio() { awk -v slow="$1" -v fast="$2" 'BEGIN { printf "%.2f", slow / fast }'; }
ruby_us=n/a
vs_ruby=n/a
if [[ $ruby != n/a ]]; then
  ruby_us=${ruby}us
  vs_ruby=$(ratio "$ruby" "$fluid")x
fi
# Other work on the 2 shared cores slows every engine; say how busy the machine was (the medians above show its spread).
if [[ -r /proc/pressure/cpu ]]; then
  echo "machine: load $(cut -d' ' -f1-3 /proc/loadavg), CPU pressure over the last 60 s $(sed -n 's/^some .*avg60=\([0-9.]*\).*/\1/p' /proc/pressure/cpu)%"
fi
echo "P2b theme-render: fluid=${fluid}us dotliquid=${dotliquid}us ruby-liquid=${ruby_us} vs-dotliquid=$(ratio "$dotliquid" "$fluid")x vs-ruby=${vs_ruby}"
