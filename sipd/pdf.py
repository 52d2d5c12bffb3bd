"""PDF documents from Django templates with WeasyPrint: one look for every report and letter.

Templates extend `pdf/base.html` (A4, Pemda name and logo in the header, "Halaman x dari y", table headers
repeated on each page, rows kept whole). Rendering is CPU-heavy: call it from a Celery task or a command.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from sipd.selectors import pemda_profile


def tanggal_indonesia(value=None) -> str:
    """'23 November 2026' in the active language (Indonesian by default)."""
    value = value or timezone.localdate()
    return date_format(value, "j F Y")


def pdf_context(**extra) -> dict:
    pemda = pemda_profile()
    logo = None
    if pemda is not None and pemda.logo:
        path = Path(pemda.logo.path)
        logo = path.as_uri() if path.exists() else None
    return {"pemda": pemda, "logo_uri": logo, "dicetak": timezone.localtime(), **extra}


def render_pdf(template_name: str, context: dict | None = None, *, language: str | None = None) -> bytes:
    """Render `template_name` (extending pdf/base.html) to PDF bytes."""
    from weasyprint import HTML  # imported here: heavy, and only workers render

    with translation.override(language or settings.LANGUAGE_CODE):
        html = render_to_string(template_name, pdf_context(**(context or {})))
    with _pengumpul_jarang():
        return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


@contextmanager
def _pengumpul_jarang():
    """Python's cyclic collector, at its default thresholds, runs hundreds of times during a long render
    (WeasyPrint makes millions of short-lived objects) and each full pass walks every object of the worker.
    Freezing what exists and collecting less often makes a long report about a quarter faster; memory
    stays the same (WeasyPrint's boxes are freed by reference counting, not by the collector)."""
    ambang = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*ambang)
        gc.unfreeze()
