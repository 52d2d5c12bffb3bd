"""Markdown table from locust's stats CSV, targets checked (saves p95 < 300 ms, dashboard < 500 ms)."""

import csv
import platform
import sys

path, users, seconds, workers = sys.argv[1:5]
threads = sys.argv[5] if len(sys.argv) > 5 else "1"
TARGET_P95 = {"save cell": 300, "dashboard": 500}
rows = list(csv.DictReader(open(path)))  # noqa: SIM115
print(
    f"Users {users}, {seconds} s, gunicorn {workers} workers × {threads} threads; {platform.machine()}, "
    f"{__import__('os').cpu_count()} cores, Python {platform.python_version()}\n"
)
print("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | req/s | target p95 |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
ok = True
for row in rows:
    name = row["Name"]
    target = TARGET_P95.get(name)
    p95 = float(row["95%"] or 0)
    verdict = ""
    if target:
        verdict = f"< {target} ms: {'OK' if p95 < target else 'GAGAL'}"
        ok &= p95 < target
    print(
        f"| {name} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | {row['95%']} | "
        f"{row['99%']} | {float(row['Requests/s']):.1f} | {verdict} |"
    )
errors = sum(int(r["Failure Count"]) for r in rows if r["Name"] == "Aggregated")
print(f"\nErrors: {errors}. Targets: {'met' if ok and errors == 0 else 'NOT met'}.")
