#!/usr/bin/env bash
# Figure P3: the embeddable widget on the published Storefront, driven by Debian's Chromium from a page on another
# loopback origin. Prints, last:
#   P3 widget: js=<KB>KB interactive=<ms>ms circuit=<KB>KB circuits200=ok
# js: JavaScript on the wire (encoded bodies + headers) before the widget is interactive, cold cache (goal <= 45 KB);
# interactive: navigation start -> enabled "Buy Starter" button, median of 10 warm loads (goal <= 400 ms);
# circuit: live managed heap per open widget circuit, full GC before and after (goal <= 300 KB);
# circuitsN: whether N concurrent widget circuits (default 200) all came up on this one node.
# Usage: bench/widget/widget.sh [circuits]   (publishes src/Storefront to artifacts/storefront when it is missing;
# REPUBLISH=1 publishes again). About a minute; other work on the 2 shared cores slows it.
set -euo pipefail
cd "$(dirname "$0")/../.."

circuits=${1:-200}
if [[ ${REPUBLISH:-0} == 1 || ! -f artifacts/storefront/ResellerKit.Storefront.dll ]]; then
  dotnet publish src/Storefront -c Release -o artifacts/storefront -nologo -v quiet -clp:ErrorsOnly
fi
dotnet build bench/widget/WidgetBench -c Release -nologo -v quiet -clp:ErrorsOnly
if [[ -r /proc/pressure/cpu ]]; then
  echo "machine: load $(cut -d' ' -f1-3 /proc/loadavg), CPU pressure over the last 60 s $(sed -n 's/^some .*avg60=\([0-9.]*\).*/\1/p' /proc/pressure/cpu)%"
fi
dotnet bench/widget/WidgetBench/bin/Release/net10.0/WidgetBench.dll artifacts/storefront/ResellerKit.Storefront.dll "$circuits"
