"""Kinerja demo data for seed_demo (found by opd's seed_demo as `<app>.demo.seed`).

Placeholder until the planning demo lands here: it calls the Inovasi Daerah and IKM demo. When the
planning/Excel demo adds its own `seed`, keep the one line that calls `demo_inovasi.seed`.
"""

from kinerja import demo_inovasi


def seed(*, stdout=None):
    return demo_inovasi.seed(stdout=stdout)
