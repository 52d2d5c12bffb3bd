"""Charts as server-side SVG: one code path for pages and WeasyPrint PDFs, no JavaScript, no CDN.

Each chart is an <svg role="img"> with a <title> and <desc> (read by screen readers) and a <title> on every
bar or point (the tooltip). Colours are presentation attributes, not style="", so the strict CSP allows them
and WeasyPrint draws them without the portal's CSS.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kinerja.choices import StatusPelaporan
from sipd.formatting import format_angka

STATUS_PELAPORAN = dict(StatusPelaporan.choices)

# From the best band to the worst; a scale with more bands takes the nearest colour by position.
PALET = ["#0f7b3f", "#5cb85c", "#e0a800", "#e8710a", "#c62828"]
ABU = "#adb5bd"
_id = itertools.count(1)


def indeks_predikat(label: str | None) -> int | None:
    for i, (_batas, nama) in enumerate(settings.SIPD_PREDIKAT):
        if nama == label:
            return i
    return None


def warna_predikat(label: str | None) -> str:
    i = indeks_predikat(label)
    if i is None:
        return ABU
    n = len(settings.SIPD_PREDIKAT)
    return PALET[round(i * (len(PALET) - 1) / max(n - 1, 1))]


def kelas_predikat(label: str | None) -> str:
    """CSS class for badges: predikat-0 (best) … predikat-4 (worst), predikat-none."""
    i = indeks_predikat(label)
    if i is None:
        return "predikat-none"
    n = len(settings.SIPD_PREDIKAT)
    return f"predikat-{round(i * (len(PALET) - 1) / max(n - 1, 1))}"


def _n(value) -> str:
    return f"{float(value):.1f}"


def _svg(width: int, height: int, judul: str, keterangan: str, body: list[str]) -> SafeString:
    uid = f"grafik-{next(_id)}"
    return mark_safe(  # noqa: S308 - every text below went through escape()/format_html
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'class="grafik" role="img" aria-labelledby="{uid}-t {uid}-d" preserveAspectRatio="xMinYMin meet" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="12">'
        f'<title id="{uid}-t">{escape(judul)}</title><desc id="{uid}-d">{escape(keterangan)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _potong(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass(frozen=True)
class Batang:
    label: str
    nilai: Decimal | None
    predikat: str | None = None
    catatan: str = ""  # extra tooltip text


def batang(
    items: Sequence[Batang],
    *,
    judul: str,
    maks: float | None = None,
    lebar_label: int = 230,
    width: int = 720,
) -> SafeString:
    """Horizontal bars (capaian in percent), coloured by predikat, with the value at the end of each bar."""
    maks = float(maks or settings.SIPD_BATAS_CAPAIAN)
    tinggi_baris, atas = 26, 22
    height = atas + tinggi_baris * max(len(items), 1) + 8
    area = width - lebar_label - 60
    body = []
    for garis in (0, 50, 100, maks):  # axis ticks
        x = lebar_label + area * min(garis, maks) / maks
        body.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"{}/>'
                '<text x="{}" y="14" text-anchor="middle" fill="#6c757d" font-size="11">{}</text>',
                _n(x),
                atas - 4,
                _n(x),
                height - 6,
                "#6c757d" if garis == 100 else "#dee2e6",
                mark_safe(' stroke-dasharray="4 3"') if garis == 100 else "",
                _n(x),
                f"{garis:.0f}%",
            )
        )
    for i, item in enumerate(items):
        y = atas + i * tinggi_baris
        nilai = None if item.nilai is None else float(item.nilai)
        w = 0 if nilai is None else area * max(0.0, min(nilai, maks)) / maks
        teks = format_angka(item.nilai) + ("%" if nilai is not None else "")
        tooltip = f"{item.label}: {teks}" + (f" ({item.predikat})" if item.predikat else "")
        tooltip += f" — {item.catatan}" if item.catatan else ""
        body.append(
            format_html(
                '<g><title>{}</title><text x="{}" y="{}" text-anchor="end" fill="#212529">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"/>'
                '<text x="{}" y="{}" fill="#212529" font-weight="600">{}</text></g>',
                tooltip,
                lebar_label - 8,
                y + 16,
                _potong(item.label, lebar_label // 8),
                lebar_label,
                y + 4,
                _n(w),
                tinggi_baris - 8,
                warna_predikat(item.predikat),
                _n(lebar_label + w + 6),
                y + 16,
                teks,
            )
        )
    keterangan = "; ".join(f"{b.label}: {format_angka(b.nilai)}" for b in items) or _("Belum ada data")
    return _svg(width, height, judul, keterangan, body)


def garis_mini(
    nilai: Sequence[Decimal | None],
    *,
    judul: str,
    width: int = 120,
    height: int = 32,
    maks: float | None = None,
) -> SafeString:
    """A sparkline of the triwulan-to-date capaian (TW I … IV); gaps where there is no value."""
    maks = float(maks or settings.SIPD_BATAS_CAPAIAN)
    n = max(len(nilai), 2)
    titik = [
        (4 + i * (width - 8) / (n - 1), height - 4 - (height - 8) * max(0.0, min(float(v), maks)) / maks, v)
        for i, v in enumerate(nilai)
        if v is not None
    ]
    body = [
        format_html(
            '<line x1="4" y1="{}" x2="{}" y2="{}" stroke="#dee2e6" stroke-dasharray="3 2"/>',
            _n(height - 4 - (height - 8) * 100 / maks),
            width - 4,
            _n(height - 4 - (height - 8) * 100 / maks),
        )
    ]
    if len(titik) > 1:
        body.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="#0d6efd" stroke-width="2"/>',
                " ".join(f"{_n(x)},{_n(y)}" for x, y, _v in titik),
            )
        )
    for x, y, v in titik:
        body.append(
            format_html(
                '<circle cx="{}" cy="{}" r="2.5" fill="#0d6efd"><title>{}</title></circle>',
                _n(x),
                _n(y),
                format_angka(v),
            )
        )
    keterangan = ", ".join(f"TW {i + 1}: {format_angka(v)}" for i, v in enumerate(nilai))
    return _svg(width, height, judul, keterangan, body)


@dataclass(frozen=True)
class Titik:
    label: str
    x: Decimal | None  # serapan anggaran
    y: Decimal | None  # capaian kinerja
    predikat: str | None = None


def sebar(titik: Sequence[Titik], *, judul: str, width: int = 560, height: int = 360) -> SafeString:
    """Serapan anggaran (x) against capaian kinerja (y), one point per OPD; the diagonal is "as much
    performance as money spent": above it is efficient, below it spends more than it achieves."""
    kiri, bawah, kanan, atas = 48, 40, 16, 16
    maks_x, maks_y = 100.0, float(settings.SIPD_BATAS_CAPAIAN)
    aw, ah = width - kiri - kanan, height - atas - bawah

    def px(v):
        return kiri + aw * max(0.0, min(float(v), maks_x)) / maks_x

    def py(v):
        return atas + ah - ah * max(0.0, min(float(v), maks_y)) / maks_y

    body = [
        format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#f8f9fa" stroke="#dee2e6"/>', kiri, atas, aw, ah
        )
    ]
    for v in (0, 25, 50, 75, 100):
        body.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="#6c757d" font-size="11">{}%</text>',
                _n(px(v)),
                height - bawah + 14,
                v,
            )
        )
    for v in (0, 50, 100, maks_y):
        body.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#dee2e6"/>'
                '<text x="{}" y="{}" text-anchor="end" fill="#6c757d" font-size="11">{}%</text>',
                kiri,
                _n(py(v)),
                kiri + aw,
                _n(py(v)),
                kiri - 4,
                _n(py(v) + 4),
                f"{v:.0f}",
            )
        )
    body.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#6c757d" stroke-dasharray="5 4"/>',
            _n(px(0)),
            _n(py(0)),
            _n(px(100)),
            _n(py(100)),
        )
    )
    body.append(
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" fill="#495057">{}</text>'
            '<text x="12" y="{}" text-anchor="middle" fill="#495057" transform="rotate(-90 12 {})">{}</text>',
            _n(kiri + aw / 2),
            height - 6,
            _("Serapan anggaran"),
            _n(atas + ah / 2),
            _n(atas + ah / 2),
            _("Capaian kinerja"),
        )
    )
    ada = [t for t in titik if t.x is not None and t.y is not None]
    for t in ada:
        body.append(
            format_html(
                '<circle cx="{}" cy="{}" r="6" fill="{}" fill-opacity="0.85" stroke="#fff">'
                "<title>{}</title></circle>",
                _n(px(t.x)),
                _n(py(t.y)),
                warna_predikat(t.predikat),
                _("%(opd)s: serapan %(x)s%%, capaian %(y)s%%")
                % {"opd": t.label, "x": format_angka(t.x), "y": format_angka(t.y)},
            )
        )
    keterangan = "; ".join(f"{t.label}: {format_angka(t.x)} / {format_angka(t.y)}" for t in ada) or _(
        "Belum ada data"
    )
    return _svg(width, height, judul, keterangan, body)


def sebaran(jumlah: Sequence[int], *, judul: str, width: int = 720, height: int = 34) -> SafeString:
    """Indicators per predikat as one stacked bar, in the order of the scale."""
    total = sum(jumlah) or 1
    body, x = [], 0.0
    for (_batas, label), n in zip(settings.SIPD_PREDIKAT, jumlah, strict=False):
        w = width * n / total
        if n:
            body.append(
                format_html(
                    '<g><title>{}: {}</title><rect x="{}" y="0" width="{}" height="{}" fill="{}"/>{}</g>',
                    label,
                    n,
                    _n(x),
                    _n(w),
                    height,
                    warna_predikat(label),
                    format_html(
                        '<text x="{}" y="{}" text-anchor="middle" fill="#fff" font-weight="600">{}</text>',
                        _n(x + w / 2),
                        height / 2 + 4,
                        n,
                    )
                    if w > 24
                    else "",
                )
            )
        x += w
    keterangan = "; ".join(
        f"{label}: {n}" for (_b, label), n in zip(settings.SIPD_PREDIKAT, jumlah, strict=False)
    )
    return _svg(width, height, judul, keterangan, body)


def grafik_dasbor(data: dict) -> dict:
    """Every chart of the dashboard from kinerja.selectors.dasbor's figures; the page and the PDF share it."""
    opd = data["opd"]
    g = {
        "misi": batang(
            [
                Batang(_("Misi %(n)s") % {"n": s.singkatan}, s.capaian, s.predikat, s.nama)
                for s in data["misi"]
            ],
            judul=_("Capaian per misi"),
        ),
        "opd": batang(
            [Batang(s.singkatan or s.nama, s.capaian, s.predikat, s.nama) for s in opd],
            judul=_("Peringkat perangkat daerah"),
            lebar_label=150,
        ),
        "sebar": sebar(
            [Titik(s.singkatan or s.nama, s.serapan, s.capaian, s.predikat) for s in opd],
            judul=_("Serapan anggaran terhadap capaian kinerja"),
        ),
    }
    sumber = data["rpjmd"] or (opd[0] if opd else None)
    if sumber:
        g["sebaran"] = sebaran(sumber.sebaran_predikat, judul=_("Indikator per predikat"))
        g["sebaran_tabel"] = list(zip(data["skala"], sumber.sebaran_predikat, strict=False))
        g["tanpa_capaian"] = sumber.jumlah_indikator - sumber.jumlah_capaian
    g["peringkat"] = [
        (
            s,
            garis_mini(s.tren, judul=_("Tren capaian %(opd)s") % {"opd": s.nama}),
            STATUS_PELAPORAN.get(s.status_pelaporan, s.status_pelaporan),
        )
        for s in opd
    ]
    return g
