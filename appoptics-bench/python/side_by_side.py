#!/usr/bin/env python3
"""Submit N measurements through the Python `appoptics-metrics` library to a running emulator and report its speed.

The library itself is not part of this repository: point --lib (or APPOPTICS_PY_LIB) at a checkout of
appoptics/appoptics-api-python. The workload matches the Java benchmarks (dev.appoptics.bench.Workload): 10 metric
names, 16 hosts, tags host/region/service, values cycling below 1000. The library's own queue does the work the way
its users would: one POST per 300 measurements (auto_submit_count=300), one new connection per POST.

Prints one line per repetition and a final JSON line:
  {"client": "python", "n": ..., "rates": [...], "peak_rss_bytes": ...}
"""
import argparse
import json
import os
import resource
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lib", default=os.environ.get("APPOPTICS_PY_LIB"),
                   help="directory containing the appoptics_metrics package (or env APPOPTICS_PY_LIB)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--token", default="bench-token")
    p.add_argument("--n", type=int, default=1_000_000, help="measurements per repetition")
    p.add_argument("--reps", type=int, default=1)
    p.add_argument("--warmup", type=int, default=30_000, help="measurements sent before timing")
    return p.parse_args()


def submit(appoptics_metrics, conn, start, n):
    queue = appoptics_metrics.Queue(conn, auto_submit_count=300)
    for i in range(start, start + n):
        queue.add("bench.metric.%d" % (i % 10), (i % 1000) + 0.5,
                  tags={"host": "host-%d" % (i % 16), "region": "us-east-1", "service": "api"})
    queue.submit()  # the remainder below 300


def main():
    args = parse_args()
    if not args.lib:
        sys.exit("give --lib or APPOPTICS_PY_LIB: a checkout of appoptics/appoptics-api-python")
    sys.path.insert(0, os.path.abspath(args.lib))
    import appoptics_metrics  # noqa: E402  (path set above)

    conn = appoptics_metrics.connect(args.token, hostname="%s:%d" % (args.host, args.port), protocol="http")
    submit(appoptics_metrics, conn, 0, args.warmup)
    rates = []
    for rep in range(1, args.reps + 1):
        t0 = time.perf_counter()
        submit(appoptics_metrics, conn, 0, args.n)
        secs = time.perf_counter() - t0
        rates.append(args.n / secs)
        print("python rep %d: %d measurements in %.2f s = %.0f measurements/s" % (rep, args.n, secs, rates[-1]),
              flush=True)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    print(json.dumps({"client": "python", "n": args.n, "warmup": args.warmup, "rates": [round(r) for r in rates],
                      "peak_rss_bytes": peak_rss}))


if __name__ == "__main__":
    main()
