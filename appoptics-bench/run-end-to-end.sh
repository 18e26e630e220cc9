#!/usr/bin/env bash
# End-to-end side by side: the Java client (reporter and queue, both HTTP engines) and the Python appoptics-metrics
# library submit the same measurements to one emulator running in its own JVM; then the emulator's raw ingest rate.
#
# usage: appoptics-bench/run-end-to-end.sh PYTHON_LIB_DIR [N] [REPS]
#   PYTHON_LIB_DIR  a checkout of appoptics/appoptics-api-python (not part of this repository), or env APPOPTICS_PY_LIB
#   N               measurements per repetition (default 1000000)
#   REPS            repetitions of each client (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
PYLIB="${1:-${APPOPTICS_PY_LIB:-}}"
N="${2:-1000000}"
REPS="${3:-3}"
[ -n "$PYLIB" ] || { echo "usage: $0 PYTHON_LIB_DIR [N] [REPS]" >&2; exit 2; }
[ -d "$PYLIB/appoptics_metrics" ] || { echo "$PYLIB has no appoptics_metrics package" >&2; exit 2; }

JAR=appoptics-bench/target/benchmarks.jar
[ -f "$JAR" ] || mvn -B -ntp -q -pl appoptics-bench -am package -DskipTests

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1), $(python3 --version)"

LOG=$(mktemp)
java -Xmx3g -cp "$JAR" dev.appoptics.emulator.EmulatorMain --port 0 >"$LOG" 2>&1 &
EMU=$!
trap 'kill $EMU 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$LOG" && break
  sleep 0.1
done
PORT=$(grep -o "listening on [^ ]*" "$LOG" | head -1 | sed -E 's/.*:([0-9]+).*/\1/')
[ -n "$PORT" ] || { echo "the emulator did not start:" >&2; cat "$LOG" >&2; exit 1; }
echo "# emulator on port $PORT"

# warm the emulator's JIT first, so that the first client measured does not pay for it (not reported)
java -Xmx1g -cp "$JAR" dev.appoptics.bench.EndToEndBench --port "$PORT" --n "$N" --reps 1 >/dev/null

# Each Java run is a fresh JVM that first sends 3N unmeasured measurements (EndToEndBench's default warm-up), so
# what is measured is the client warmed up, as a long-running service runs it.
for rep in $(seq 1 "$REPS"); do
  python3 appoptics-bench/python/side_by_side.py --lib "$PYLIB" --port "$PORT" --n "$N" --reps 1
  for engine in apache jdk; do
    java -Xmx1g -cp "$JAR" dev.appoptics.bench.EndToEndBench --port "$PORT" --n "$N" --reps 1 \
      --mode reporter --engine "$engine"
  done
  java -Xmx1g -cp "$JAR" dev.appoptics.bench.EndToEndBench --port "$PORT" --n "$N" --reps 1 --mode queue \
    --engine apache --threads 1
done

# the same client cold: the first N measurements of a fresh JVM, JIT compilation included
echo "# cold (no warm-up):"
java -Xmx1g -cp "$JAR" dev.appoptics.bench.EndToEndBench --port "$PORT" --n "$N" --reps 1 --warmup 0 --mode reporter

# the reporter's memory is bounded: the same run in a 128 MB heap
java -Xmx128m -cp "$JAR" dev.appoptics.bench.EndToEndBench --port "$PORT" --n "$N" --reps 1 --mode reporter \
  --warmup "$N"

java -cp "$JAR" dev.appoptics.bench.IngestBench --n "$N" --reps "$REPS" --threads 2
