"""Display helpers of the planning pages: targets aligned to the period's years, ranges, pagu."""

from django import template

from sipd.formatting import KOSONG, format_angka

register = template.Library()


@register.filter
def target_tahun(indikator, tahun):
    """The indicator's targets (prefetched) aligned to `tahun`: one Target or None per year."""
    per_tahun = {t.tahun: t for t in indikator.target.all()}
    return [per_tahun.get(t) for t in tahun]


@register.filter
def rentang(nilai, atas=None):
    """A target value, or a range "80,00–90,00"."""
    if nilai is None:
        return KOSONG
    if atas is None:
        return format_angka(nilai)
    return f"{format_angka(nilai)}–{format_angka(atas)}"


@register.filter
def nilai_target(target):
    return rentang(target.nilai, target.nilai_atas) if target is not None else KOSONG


@register.filter
def pagu_tahun(simpul, tahun):
    return simpul.pagu_per_tahun(tahun)
