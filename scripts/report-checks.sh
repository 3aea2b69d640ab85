#!/usr/bin/env bash
# Checks of `glean export` and `glean report` that need more than Swift, run by .ci/run:
#  1. Parquet: the sample run's tables written by pyarrow and read back by DuckDB (scripts/parquet_check.py);
#  2. the report of the sample run in headless Chromium (scripts/report_browser_check.py): matrix cells,
#     timeline points, a click to the evidence, no console errors, nothing fetched, printable;
#     with --screenshots, the pictures in docs/images/.
# Python packages go to a venv under .build/; Chromium is Debian's `chromium` (installed when missing and
# root). A part whose tools cannot be installed is skipped with a message saying so.
#   scripts/report-checks.sh [--screenshots]
set -euo pipefail
cd "$(dirname "$0")/.."
glean=${GLEAN:-.build/release/glean}
[ -x "$glean" ] || { swift build -c release >/dev/null; }
work=.build/report-checks
venv=.build/report-venv
mkdir -p "$work"

"$glean" run Pipelines/alignment-monitor.yaml -i Pipelines/samples/news.jsonl -o "$work/results.jsonl" \
    --progress never --summary json 2> "$work/run.json"

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if "$venv/bin/pip" install -q pyarrow==26.0.1 duckdb==2.0.1 2>"$work/pip.log"; then
    echo "== Parquet written by pyarrow, read back by DuckDB"
    GLEAN_PYTHON="$venv/bin/python" "$venv/bin/python" scripts/parquet_check.py "$glean" "$work/results.jsonl" "$work"
else
    echo "== Parquet check skipped: pyarrow and duckdb could not be installed ($(tail -1 "$work/pip.log"))"
fi

if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$work/apt.log" 2>&1 || true
fi
if command -v chromium >/dev/null && "$venv/bin/pip" install -q websocket-client==1.8.0 2>>"$work/pip.log"; then
    echo "== the report of the sample run in headless Chromium"
    "$glean" report "$work/results.jsonl" -o "$work/report.html" --texts Pipelines/samples/news.jsonl \
        --run-summary "$work/run.json" --title "Alignment monitor: sample feed"
    shots=()
    if [ "${1:-}" = "--screenshots" ]; then shots=(--screenshots docs/images); fi
    "$venv/bin/python" scripts/report_browser_check.py "$work/report.html" --expect-cell AM:CSTO:opposed \
        --expect-cell AZ:NATO:partner --expect-cell FI:NATO:member --expect-cell MD:EU:seeking \
        --expect-cell UA:NATO:seeking --min-timeline-points 12 "${shots[@]}"
else
    echo "== browser check skipped: Chromium or websocket-client could not be installed"
fi
