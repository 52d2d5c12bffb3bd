"""The benchmarks' one timer."""

import pytest

from sipd.bench import ms, ukur


def test_ukur_runs_n_times_and_sums_up_in_seconds():
    calls = []
    waktu = ukur(lambda: calls.append(1) or len(calls), 20, sebelum=lambda: calls.append(0))
    assert calls == [0, 1] * 20  # sebelum before each run
    assert waktu["hasil"] == 40  # what the last run returned
    assert 0 <= waktu["min"] <= waktu["median"] <= waktu["p95"] <= waktu["max"] <= waktu["total"]
    assert waktu["cpu"] >= 0


def test_ukur_needs_a_run():
    assert ukur(lambda: "x")["hasil"] == "x"
    with pytest.raises(ValueError):
        ukur(lambda: None, 0)


@pytest.mark.parametrize(("detik", "expected"), [(0.12345, 123.5), (1, 1000.0), (0.00004, 0.0)])
def test_ms(detik, expected):
    assert ms(detik) == expected
