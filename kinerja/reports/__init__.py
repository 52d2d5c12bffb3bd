"""Kinerja reports registered with the report-job framework (sipd.laporan)."""

from kinerja.reports import evaluasi, ikm, pengisian, ringkasan  # noqa: F401 - registration on import
