"""Reads of the bencana app. Every query goes through the access layer (`visible_to`)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from bencana import calculations
from bencana.models import KejadianBencana, LaporanHarian, Penugasan, StatusDarurat
from opd.models import Opd
from sipd import access


def hari_ini() -> datetime.date:
    return timezone.localdate()


def opd_bpbd() -> Opd | None:
    """The disaster agency: the perangkat daerah whose singkatan or kode SIPD_OPD_BPBD names."""
    kunci = settings.SIPD_OPD_BPBD
    return (
        Opd.objects.filter(induk__isnull=True)
        .filter(Q(singkatan__iexact=kunci) | Q(kode=kunci))
        .order_by("pk")
        .first()
    )


def boleh_kelola(user, bpbd: Opd | None = None) -> bool:
    """May the user record disasters, decrees and assignments (BPBD's Kepala/Operator, Admin)?"""
    bpbd = bpbd or opd_bpbd()
    return bpbd is not None and access.can(user, access.ADD, KejadianBencana(opd=bpbd))


def kejadian_list(user):
    aktif = StatusDarurat.objects.order_by("mulai")
    return (
        KejadianBencana.objects.visible_to(user)
        .select_related("jenis", "kecamatan")
        .prefetch_related(Prefetch("status_darurat", queryset=aktif))
        .annotate(jumlah_penugasan=Count("status_darurat__penugasan", distinct=True))
    )


def status_kini(kejadian: KejadianBencana, tanggal: datetime.date | None = None) -> StatusDarurat | None:
    """The decree in force (from the prefetched decrees of the disaster)."""
    tanggal = tanggal or hari_ini()
    return next((s for s in kejadian.status_darurat.all() if s.berlaku_pada(tanggal)), None)


def penugasan_terlihat(user, action: str = access.VIEW):
    """Assignments the user may see: by the Penugasan rule (own OPD, Pemda-wide roles), and every assignment
    of a disaster the user manages (BPBD)."""
    dikelola = KejadianBencana.objects.visible_to(user, access.CHANGE).values("pk")
    sendiri = Penugasan.objects.visible_to(user, action).values("pk")
    return Penugasan.objects.filter(Q(pk__in=sendiri) | Q(status_darurat__kejadian__in=dikelola))


def laporan_terlihat(user):
    return LaporanHarian.objects.filter(penugasan__in=penugasan_terlihat(user))


def penugasan_dengan_laporan(queryset, tanggal: datetime.date):
    """Assignments with their report counts for the response figures; one query."""
    kemarin = tanggal - datetime.timedelta(days=1)
    lalu = Q(laporan__tanggal__lte=kemarin)
    return queryset.select_related("pegawai", "opd", "status_darurat").annotate(
        laporan_tepat=Count("laporan", filter=lalu & Q(laporan__dibuat__date__lte=F("laporan__tanggal"))),
        laporan_telat=Count("laporan", filter=lalu & Q(laporan__dibuat__date__gt=F("laporan__tanggal"))),
        laporan_hari_ini=Count("laporan", filter=Q(laporan__tanggal=tanggal)),
        jumlah_laporan=Count("laporan"),
    )


def respon_per_opd(penugasan, tanggal: datetime.date) -> list[tuple[Opd, calculations.ResponOpd]]:
    """Response figures per OPD from annotated assignments (penugasan_dengan_laporan): no extra query."""
    kemarin = tanggal - datetime.timedelta(days=1)
    hasil: dict[int, calculations.ResponOpd] = defaultdict(calculations.ResponOpd)
    opd: dict[int, Opd] = {}
    for p in penugasan:
        r = hasil[p.opd_id]
        opd[p.opd_id] = p.opd
        r.penugasan += 1
        if p.siap:
            r.siap += 1
            r.jam_siap_total += calculations.jam_antara(p.dibuat, p.siap)
        r.laporan_wajib += calculations.hari_wajib_lapor(p.mulai, p.selesai, kemarin)
        r.laporan_tepat_waktu += p.laporan_tepat
        r.laporan_terlambat += p.laporan_telat
    return sorted(((opd[k], v) for k, v in hasil.items()), key=lambda row: (row[0].urutan, row[0].kode))


def ringkasan_bencana(tanggal: datetime.date | None = None, *, batas_belum_siap: int = 8) -> dict:
    """The dashboard tile: disasters under a status today, who acknowledged, reports due. Three queries:
    decrees in force (with disaster, kind, kecamatan), assignment counts per decree, heads not yet ready."""
    tanggal = tanggal or hari_ini()
    status = list(
        StatusDarurat.objects.filter(mulai__lte=tanggal, berakhir__gte=tanggal)
        .select_related("kejadian__jenis", "kejadian__kecamatan")
        .order_by("-kejadian__waktu")
    )
    aktif = Q(penugasan__mulai__lte=tanggal, penugasan__selesai__gte=tanggal)
    counts = {
        row["pk"]: row
        for row in StatusDarurat.objects.filter(pk__in=[s.pk for s in status])
        .values("pk")
        .annotate(
            n_penugasan=Count("penugasan", filter=aktif, distinct=True),
            n_siap=Count("penugasan", filter=aktif & Q(penugasan__siap__isnull=False), distinct=True),
            n_lapor=Count("penugasan", filter=aktif & Q(penugasan__laporan__tanggal=tanggal), distinct=True),
        )
    }
    belum_siap = list(
        Penugasan.objects.filter(
            status_darurat__in=[s.pk for s in status],
            siap__isnull=True,
            mulai__lte=tanggal,
            selesai__gte=tanggal,
        )
        .select_related("pegawai", "opd")
        .order_by("dibuat", "opd__urutan")[:batas_belum_siap]
    )
    rows = []
    for s in status:
        c = counts.get(s.pk, {"n_penugasan": 0, "n_siap": 0, "n_lapor": 0})
        rows.append(
            {
                "status": s,
                "kejadian": s.kejadian,
                "penugasan": c["n_penugasan"],
                "siap": c["n_siap"],
                "belum_siap": c["n_penugasan"] - c["n_siap"],
                "laporan_jatuh_tempo": c["n_penugasan"] - c["n_lapor"],
            }
        )
    return {"tanggal": tanggal, "bencana": rows, "belum_siap": belum_siap}
