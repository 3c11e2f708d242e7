#!/usr/bin/env bash
# dm-session under dm-devsim's load mode, next to a Hummingbird hello-world endpoint measured in the same run
# (issue 5's benchmark; BENCHMARKS.md records the figures).
#
#   Benchmarks/session-load.sh [DEVICES] [CONCURRENCY]
#
# Release builds of dm-session, dm-devsim and dmctl; dm-session on 28080 (admin 29080) with its data in a fresh
# temporary directory; DEVICES dm-devsim devices (MD5 both ways) imported with dmctl, one Get and one Replace queued
# for each through the admin API; then `dm-devsim load --baseline` measures the hello-world server first and the
# full sessions second, with the same HTTP client and concurrency. `/usr/bin/time -v` gives dm-devsim's CPU share.
set -euo pipefail
cd "$(dirname "$0")/.."

devices=${1:-4000}
concurrency=${2:-200}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

swift build -c release --product dm-session >/dev/null 2>&1 || { echo "build failed" >&2; exit 1; }
swift build -c release --product dm-devsim >/dev/null 2>&1 || { echo "build failed" >&2; exit 1; }
swift build -c release --product dmctl >/dev/null 2>&1 || { echo "build failed" >&2; exit 1; }
bin=$(swift build -c release --show-bin-path)

cat >"$work/profile.yaml" <<'EOF'
auth: { md5: 100 }
serverAuth: md5
EOF

DM_SESSION_HTTP_PORT=28080 DM_SESSION_ADMIN_PORT=29080 DM_SESSION_DATA_DIRECTORY="$work/session" \
    DM_SESSION_LOG_LEVEL=warning "$bin/dm-session" >"$work/session.log" 2>&1 &
session_pid=$!
"$bin/dm-devsim" hello-server --port 28081 >"$work/hello.log" 2>&1 &
hello_pid=$!

for _ in $(seq 1 100); do
    curl -fsS http://127.0.0.1:29080/readyz >/dev/null 2>&1 && break
    sleep 0.2
done

"$bin/dm-devsim" devices --server http://127.0.0.1:28080/dm --devices "$devices" --seed 11 \
    --profile "$work/profile.yaml" --import-to "$work/devices.jsonl"
"$bin/dmctl" devices import "$work/devices.jsonl" --admin http://127.0.0.1:29080 >"$work/import.log" 2>&1 || { echo "device import failed:" >&2; cat "$work/import.log" >&2; exit 1; }

python3 - "$work/devices.jsonl" <<'EOF'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
ids = [json.loads(line)["id"] for line in open(sys.argv[1]) if line.strip()]
commands = [
    {"kind": "get", "items": [{"target": "./DevInfo/Mod"}]},
    {"kind": "replace", "items": [{"target": "./FwUpdate/x1/PkgName", "data": "bench", "format": "chr"}]},
]
def enqueue(device):
    for command in commands:
        request = urllib.request.Request(
            f"http://127.0.0.1:29080/devices/{device}/commands", data=json.dumps({"command": command}).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        urllib.request.urlopen(request).read()
with ThreadPoolExecutor(16) as pool:
    list(pool.map(enqueue, ids))
print(f"queued a Get and a Replace for {len(ids)} devices")
EOF

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
session_before=$(cpu_ticks "$session_pid")
# PROFILE=FILE: record dm-session with perf while the sessions run (perf report -i FILE).
if [[ -n "${PROFILE:-}" ]]; then
    perf record -F 999 -g -p "$session_pid" -o "$PROFILE" >/dev/null 2>&1 &
fi
devsim=("$bin/dm-devsim")
[[ -n "${PROFILE:-}" ]] && devsim=(perf record -F 999 -g -o "$PROFILE.devsim" -- "$bin/dm-devsim")
/usr/bin/time -v "${devsim[@]}" load --server http://127.0.0.1:28080/dm --devices "$devices" --seed 11 \
    --profile "$work/profile.yaml" --concurrency "$concurrency" --sessions "$devices" \
    --baseline http://127.0.0.1:28081/hello 2>"$work/time.txt" | tee "$work/load.txt"
if [[ -n "${PROFILE:-}" ]]; then kill -INT %perf 2>/dev/null || pkill -INT -f "perf record" || true; sleep 2; fi
grep -E "Percent of CPU|Elapsed|Maximum resident" "$work/time.txt" | sed 's/^\s*/dm-devsim: /'
session_after=$(cpu_ticks "$session_pid")
# dm-session idles while dm-devsim builds its devices and measures the baseline: its CPU time is the sessions'.
seconds=$(sed -n 's/^sessions: .* in \([0-9.]*\) s,.*/\1/p' "$work/load.txt")
awk -v ticks=$((session_after - session_before)) -v hz="$(getconf CLK_TCK)" -v secs="$seconds" -v n="$devices" \
    'BEGIN {printf "dm-session: %.2f s of CPU for the sessions, %.0f%% of one core over their %.1f s, %.2f ms per session\n", ticks / hz, 100 * ticks / hz / secs, secs, 1000 * ticks / hz / n}'
ps -o rss= -p "$session_pid" | awk '{print "dm-session: RSS " $1 " KB"}'
awk -v ticks="$(cpu_ticks "$hello_pid")" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "hello-server: %.1f s of CPU for the baseline requests\n", ticks / hz}'
