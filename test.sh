#!/usr/bin/env bash
# Runs every test: tests/unit (Engine and API, on SQLite and PostgreSQL) and tests/e2e (the real process,
# Chromium, maildev). Installs what is missing, starts PostgreSQL on loopback, and ends with
#   tests: N passed, N failed, N skipped
# Exits non-zero on any failure, and when a test listed in tests/ci-required.txt was skipped (or the list names a
# test that did not run at all).
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
tools=$root/.tools
results=$root/artifacts/test-results
mkdir -p "$tools" "$results"
say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. What the tests need -----------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base) # a real DNS server for the custom-domain TXT checks
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
fi
if [ ! -x "$tools/maildev/node_modules/.bin/maildev" ]; then
  say "installing maildev into .tools/maildev"
  npm install --prefix "$tools/maildev" maildev@2 --no-audit --no-fund --loglevel=error >/dev/null \
    || { echo "could not install maildev"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
fi
export RESELLERKIT_MAILDEV="$tools/maildev/node_modules/.bin/maildev"
export RESELLERKIT_CHROMIUM="$(command -v chromium)"

# --- 2. PostgreSQL on loopback, in a throwaway cluster --------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgport=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
pgdata=$(mktemp -d /tmp/resellerkit-pg-XXXXXX)
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdata"
stop_pg() { pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdata"; }
trap stop_pg EXIT
say "starting PostgreSQL on 127.0.0.1:$pgport"
pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null \
  && pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o \
     "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdata -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
     start >/dev/null \
  || { echo "PostgreSQL did not start"; cat "$pgdata/server.log" 2>/dev/null; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
export RESELLERKIT_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"

# --- 3. Build once, publish the Storefront for the end-to-end tests --------------------------------------
say "building"
rm -f "$results"/*.trx
dotnet build ResellerKit.sln -c Release -nologo -v q -clp:ErrorsOnly \
  && dotnet publish src/Storefront -c Release -o artifacts/storefront -nologo -v q -clp:ErrorsOnly --no-build \
  || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

# --- 4. Run -------------------------------------------------------------------------------------------------
status=0
for project in unit e2e; do
  say "tests/$project"
  dotnet test "tests/$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
done

# --- 5. Summary ---------------------------------------------------------------------------------------------
python3 - "$results" "$status" tests/ci-required.txt <<'PY'
import fnmatch, glob, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
results_dir, project_status, required_list = sys.argv[1:4]
passed, failed, skipped = 0, 0, []
ran = []
for path in sorted(glob.glob(results_dir + "/*.trx")):
    root = ET.parse(path).getroot()
    for result in root.iter(ns + "UnitTestResult"):
        name, outcome = result.get("testName", ""), result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
            ran.append(name)
        elif outcome == "NotExecuted":
            reason = " ".join(t.strip() for t in result.itertext() if t.strip())
            skipped.append((name, reason))
        else:
            failed += 1
            ran.append(name)
if failed == 0 and project_status != "0":
    failed = 1  # a project failed to run at all (a build error, a crashed test host)
patterns = [l.strip() for l in open(required_list) if l.strip() and not l.lstrip().startswith("#")]
problems = []
for name, reason in skipped:
    hit = next((p for p in patterns if fnmatch.fnmatchcase(name, p)), None)
    if hit:
        problems.append(f"must run in CI but was skipped: {name} ({reason or 'no reason given'}) [{hit}]")
for p in patterns:
    if not any(fnmatch.fnmatchcase(name, p) for name in ran) and not any(fnmatch.fnmatchcase(n, p) for n, _ in skipped):
        problems.append(f"{required_list} names tests that did not run at all: {p}")
for name, reason in skipped:
    print(f"skipped: {name} ({reason or 'no reason given'})")
for problem in problems:
    print(problem)
print(f"tests: {passed} passed, {failed} failed, {len(skipped)} skipped")
sys.exit(1 if failed or problems else 0)
PY
