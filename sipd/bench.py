"""The one timer of the benchmarks (`<app>/bench.py`, run by `manage.py bench`).

`ukur(fn, n)` runs `fn` n times and sums the runs up in seconds; `ms` rounds seconds to milliseconds for the
printed results.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def ukur(fn: Callable[[], object], n: int = 1, *, sebelum: Callable[[], object] | None = None) -> dict:
    """Time `n` runs of `fn` (wall clock; `sebelum`, untimed, runs before each one).

    Returns median, p95 (nearest rank at or below), min (the best run), max and total in seconds, cpu: the
    process CPU seconds of all runs, and hasil: what the last run returned.
    """
    if n < 1:
        raise ValueError("n harus paling sedikit 1")
    waktu, hasil, cpu = [], None, 0.0
    for _ in range(n):
        if sebelum is not None:
            sebelum()
        mulai, mulai_cpu = time.perf_counter(), time.process_time()
        hasil = fn()
        waktu.append(time.perf_counter() - mulai)
        cpu += time.process_time() - mulai_cpu
    waktu.sort()
    return {
        "median": statistics.median(waktu),
        "p95": waktu[max(int(n * 0.95) - 1, 0)],
        "min": waktu[0],
        "max": waktu[-1],
        "total": sum(waktu),
        "cpu": cpu,
        "hasil": hasil,
    }


def ms(detik: float) -> float:
    return round(detik * 1000, 1)
