"""The leaders' dashboard (Pimpinan, Bappeda; an OPD sees its own) and its drill-down: scores only."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from kinerja import charts
from kinerja.models import SkorRingkasan
from kinerja.selectors import dasbor as selectors
from sipd import access
from sla.selectors import ringkasan_kepatuhan


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _periode(request) -> tuple[int | None, int | None]:
    return _int(request.GET.get("tahun")), _int(request.GET.get("triwulan"))


@require_GET
def dasbor(request):
    tahun, triwulan = _periode(request)
    data = selectors.ringkasan(user=request.user, tahun=tahun, triwulan=triwulan)
    if data is None:
        raise PermissionDenied
    context = {
        **data,
        "ringkas": data["rpjmd"] or (data["opd"][0] if data["opd"] else None),
        "triwulan_pilihan": [1, 2, 3, 4],
    }
    context["isi_angka"] = _isi_angka(data["kunci_cache"], context)
    if data["global"] and data["tahun"]:
        # SLA compliance of the year (or triwulan) shown, one query; the disaster tile loads its own.
        context["ringkasan_sla"] = ringkasan_kepatuhan(
            request.user, tahun=data["tahun"], triwulan=data["triwulan"]
        )
    return render(request, "kinerja/dasbor/dasbor.html", context)


def _isi_angka(kunci_data: str, context: dict) -> str:
    """The figures, charts and tables: rendered once per data version, scope, period and language (the key
    of the cached data plus the language), then served from Redis until the next recompute."""
    kunci = f"{kunci_data}:html:{translation.get_language()}"
    isi = cache.get(kunci)
    if isi is None:
        # No request: the fragment needs none of the page's context processors (and their queries).
        isi = render_to_string(
            "kinerja/dasbor/_angka.html", {**context, "grafik": charts.grafik_dasbor(context)}
        )
        cache.set(kunci, str(isi), settings.SIPD_DASBOR_CACHE_DETIK)
    return mark_safe(isi)  # noqa: S308 - our own template's output, escaped when rendered


@require_GET
def dasbor_opd(request, pk: int):
    if not access.can_any(request.user, access.VIEW, SkorRingkasan):
        raise PermissionDenied
    tahun, triwulan = _periode(request)
    tahun = tahun or selectors.tahun_bawaan(selectors.pilihan_tahun())
    triwulan = triwulan if triwulan in (1, 2, 3, 4) else 1
    data = selectors.skor_opd(user=request.user, opd_id=pk, tahun=tahun, triwulan=triwulan)
    if data is None:
        raise Http404
    return render(request, "kinerja/dasbor/opd.html", {**data, "tahun": tahun, "triwulan": triwulan})


@require_GET
def dasbor_indikator(request, pk: int):
    if not access.can_any(request.user, access.VIEW, SkorRingkasan):
        raise PermissionDenied
    tahun, triwulan = _periode(request)
    tahun = tahun or selectors.tahun_bawaan(selectors.pilihan_tahun())
    data = selectors.rincian_indikator(user=request.user, indikator_id=pk, tahun=tahun)
    return render(request, "kinerja/dasbor/indikator.html", {**data, "tahun": tahun, "triwulan": triwulan})
