#!/usr/bin/env bash
# Runs the benchmark figures and prints one line per figure on stdout, in this order (progress goes to stderr):
#   P1 usage-debits-http: resellerkit=<n>/s baseline=<n>/s ratio=<r> p99=<ms>ms overdrafts=<n>
#   P1b usage-batch-http: resellerkit=<n>/s baseline=<n>/s ratio=<r>
#   P1pg usage-debits-http-postgres: resellerkit=<n>/s baseline=<n>/s ratio=<r> p99=<ms>ms
#   P2 storefront-page: resellerkit=<n>/s baseline=<n>/s ratio=<r> p99=<ms>ms
#   P2b theme-render: fluid=<us>us dotliquid=<us>us ruby-liquid=<us>us vs-dotliquid=<r>x vs-ruby=<r>x
#   P2c theme-isolation: unloaded=<ms>ms loaded=<ms>ms ratio=<r> rss_start=<MB>MB rss_max=<MB>MB
#   P3 widget: js=<KB>KB interactive=<ms>ms circuit=<KB>KB
#   P4 stripe-webhooks: events=<n>/s grants=<n>/<n> credits_p50=<ms>ms credits_p99=<ms>ms
#   P5 dashboard-1M: <ms>ms
# Usage: ./bench.sh [quick] [figure...]   (quick: shorter runs, about 6 minutes; full: about 12 minutes; naming figures,
# e.g. ./bench.sh quick P1 P1b P1pg, runs only those). See "Performance" in README.md for what each figure measures and
# its baseline (bench/HISTORY.md has every measurement so far). P1pg starts a throwaway PostgreSQL cluster on a free loopback port, as test.sh does. Exit code 1 when a figure failed or broke an invariant
# (an overdraft, a lost or doubled grant, ledger verify not clean); its line is still printed when it was measured.
set -uo pipefail
cd "$(dirname "$0")"

mode=full
[[ ${1:-} == quick || ${1:-} == full ]] && { mode=$1; shift; }
only=" $* "
case $mode in
  quick) usage=(2 8) page=(2 4) isolation=10 sessions=(100 100) circuits=50 dashboard_runs=5 ;;
  full) usage=(5 30) page=(3 15) isolation=30 sessions=(200 1000) circuits=200 dashboard_runs=15 ;;
  *) echo "usage: ./bench.sh [quick] [figure...]" >&2; exit 2 ;;
esac

exec 3>&1 1>&2 # fd 3 is stdout, for the figure lines; everything else goes to stderr
work=$(mktemp -d)
pgdata=""
cleanup() {
  [[ -n $pgdata ]] && { pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdata"; }
  rm -rf "$work"
}
trap cleanup EXIT
failed=()

echo "bench.sh $mode on $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), load $(cut -d' ' -f1-3 /proc/loadavg)"
# The Storefront is published again whenever a file under src/ (or a build props file) is newer than the last publish,
# or another publish (test.sh's) replaced it since. It is published for this machine's runtime (-r), so it ships
# ReadyToRun code and runs without tiering (see Storefront.csproj): the figures measure the app, not its JIT warm-up.
stamp=artifacts/storefront/.published-r2r
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
if [[ ! -f $stamp || artifacts/storefront/ResellerKit.Storefront.dll -nt $stamp \
      || -n $(find src Directory.Build.props Directory.Packages.props -newer "$stamp" -type f \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit) ]]; then
  echo "publishing src/Storefront (Release, ${rid:-linux-x64}, ReadyToRun) to artifacts/storefront"
  dotnet publish src/Storefront -c Release -r "${rid:-linux-x64}" --self-contained false -o artifacts/storefront -nologo -v quiet \
    -clp:ErrorsOnly && touch "$stamp" || { echo "bench.sh: the publish failed"; exit 1; }
fi
echo "building bench/Load (Release)"
dotnet build bench/Load -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "bench.sh: the build failed"; exit 1; }
storefront=artifacts/storefront/ResellerKit.Storefront.dll
load=(dotnet bench/Load/bin/Release/net10.0/Load.dll)

# A throwaway PostgreSQL for P1pg, started as test.sh starts its own; prints its admin connection string.
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n $pgbin ]] || { echo "bench.sh: PostgreSQL is not installed (Debian package postgresql)"; return 1; }
  local port
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  pgdata=$(mktemp -d /tmp/resellerkit-bench-pg-XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$pgdata"
  pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null &&
    pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $pgdata -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { echo "bench.sh: PostgreSQL did not start"; return 1; }
  postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

# figure <label> <command...>: runs one figure with its progress on stderr, then prints its P line on stdout.
figure() {
  local label=$1 log="$work/$1.txt" status line
  shift
  [[ $only == "  " || $only == *" $label "* ]] || return 0
  echo "== $label (at ${SECONDS}s)"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  line=$(grep "^$label " "$log" | tail -n 1)
  if [[ $label == P3 ]]; then
    [[ $line =~ \ circuits[0-9]+=ok$ ]] || status=1 # all N widget circuits must come up
    line=${line% circuits*}
  fi
  [[ -n $line ]] && echo "$line" >&3
  if [[ $status -ne 0 || -z $line ]]; then
    failed+=("$label")
  fi
}

figure P1 "${load[@]}" usage "$storefront" "${usage[@]}"
figure P1b "${load[@]}" usage-batch "$storefront" "${usage[@]}"
if [[ $only == "  " || $only == *" P1pg "* ]]; then
  if start_postgres; then figure P1pg "${load[@]}" usage-pg "$storefront" "${usage[@]}" "$postgres"; else failed+=(P1pg); fi
fi
figure P2 "${load[@]}" page "$storefront" "${page[@]}"
figure P2b bench/theme-render.sh "$mode"
figure P2c "${load[@]}" isolation "$storefront" "$isolation"
figure P3 bench/widget/widget.sh "$circuits"
figure P4 "${load[@]}" checkout "$storefront" "${sessions[@]}"
figure P5 "${load[@]}" dashboard "$dashboard_runs"

echo "bench.sh $mode took ${SECONDS}s"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "bench.sh: failed: ${failed[*]}"
  exit 1
fi
