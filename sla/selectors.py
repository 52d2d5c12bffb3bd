"""Reads of the sla app: the working calendar, lists, and compliance computed set-based in PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db.models import Aggregate, Count, FloatField, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from opd.models import Opd
from sipd import access
from sipd.roles import Peran
from sla.calculations import Kalender, libur_nasional, parse_jam_kerja
from sla.choices import StatusPermohonan, StatusSla
from sla.models import LiburDaerah, Permohonan, Sla

PERAN_LIHAT_SEMUA = (Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN)


def kalender_kerja() -> Kalender:
    """The working calendar: hours from the settings, national holidays, and local ones (one query)."""
    return Kalender(
        jam_kerja=parse_jam_kerja(settings.SIPD_SLA_JAM_KERJA),
        libur_lokal=frozenset(LiburDaerah.objects.values_list("tanggal", flat=True)),
    )


def hari_libur(tahun: int) -> list[dict]:
    """National holidays, cuti bersama and local holidays of a year, by date."""
    rows = [{"tanggal": d, "nama": n, "lokal": False, "obj": None} for d, n in libur_nasional(tahun).items()]
    rows += [
        {"tanggal": obj.tanggal, "nama": obj.nama, "lokal": True, "obj": obj}
        for obj in LiburDaerah.objects.filter(tanggal__year=tahun)
    ]
    return sorted(rows, key=lambda r: (r["tanggal"], r["lokal"]))


def sla_list(user):
    return (
        Sla.objects.visible_to(user)
        .select_related("layanan", "penyedia")
        .prefetch_related("penerima")
        .order_by("penyedia__urutan", "nomor", "-versi")
    )


def sla_untuk_pemohon(user):
    """Agreements in force that one of the user's OPDs may send a request under, today."""
    opd_ids = access.roles_of(user).opd_ids
    today = timezone.localdate()
    return (
        Sla.objects.filter(status=StatusSla.BERLAKU, berlaku_mulai__lte=today)
        .filter(Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=today))
        .filter(Q(penerima_semua=True) | Q(penerima__in=opd_ids))
        .exclude(penyedia_id__in=opd_ids)
        .select_related("layanan", "penyedia")
        .distinct()
        .order_by("penyedia__urutan", "nomor")
    )


def permohonan_list(user):
    return Permohonan.objects.visible_to(user).select_related("sla", "sla__layanan", "penyedia", "pemohon")


# ---------------------------------------------------------------------------------------------------------
# Compliance: one GROUP BY statement per view of the data, percentiles by PostgreSQL. `pembaca` is a user
# or a scope from lingkup_kepatuhan (see basis_kepatuhan).
# ---------------------------------------------------------------------------------------------------------
class Persentil(Aggregate):
    """percentile_cont(ARRAY[p, ...]) WITHIN GROUP (ORDER BY expr): continuous percentiles (median: 0.5),
    several from one sort."""

    function = "percentile_cont"
    template = "%(function)s(ARRAY[%(p)s]::float8[]) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = ArrayField(FloatField())

    def __init__(self, expression, p: tuple[float, ...], **extra):
        super().__init__(expression, p=", ".join(str(float(x)) for x in p), **extra)


def periode(
    tahun: int, triwulan: int | None = None, bulan: int | None = None
) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a year, a quarter or a month, as aware datetimes in the portal's zone."""
    if bulan:
        awal, akhir = dt.date(tahun, bulan, 1), dt.date(tahun + bulan // 12, bulan % 12 + 1, 1)
    elif triwulan:
        awal = dt.date(tahun, 3 * triwulan - 2, 1)
        akhir = dt.date(tahun + triwulan // 4, (3 * triwulan) % 12 + 1, 1)
    else:
        awal, akhir = dt.date(tahun, 1, 1), dt.date(tahun + 1, 1, 1)
    zona = timezone.get_default_timezone()
    return dt.datetime.combine(awal, dt.time(0), zona), dt.datetime.combine(akhir, dt.time(0), zona)


SEMUA = "semua"


def lingkup_kepatuhan(user) -> str | list[int]:
    """Whose compliance the user reads, as a JSON value a report job can carry: SEMUA (every provider, for
    Pimpinan, Bappeda and Admin) or the sorted ids of the user's OPDs, read as provider (not the providers
    they send requests to). Users with the same scope see the same figures."""
    if access.has_role(user, *PERAN_LIHAT_SEMUA):
        return SEMUA
    return sorted(
        opd_id
        for opd_id in access.roles_of(user).opd_ids
        if access.can_for_opd(user, access.VIEW, Permohonan, opd_id)
    )


def basis_kepatuhan(pembaca, penyedia: Opd | None = None):
    """Requests whose provider's compliance `pembaca` may read: a user (the pages), or a scope from
    lingkup_kepatuhan (a report job rendered by a worker for the users of that scope)."""
    if isinstance(pembaca, str | list):
        lingkup, qs = pembaca, Permohonan.objects.all()
    else:
        lingkup, qs = lingkup_kepatuhan(pembaca), Permohonan.objects.visible_to(pembaca)
    if lingkup != SEMUA:
        qs = qs.filter(penyedia_id__in=lingkup)
    if penyedia is not None:
        qs = qs.filter(penyedia=penyedia)
    return qs


def _ukuran(mulai: dt.datetime, akhir: dt.datetime, now: dt.datetime) -> tuple[Q, dict]:
    """The rows a period touches, and the measures over them.

    Closed in the period: completed (on time or late) and rejected, with median and p90 duration of the
    completed. Backlog: opened before the period's end and still open at it. Breaches: completed late in the
    period, plus backlog already past its due time at the period's end (or now, for the running period).
    """
    ditutup = Q(ditutup_pada__gte=mulai, ditutup_pada__lt=akhir)
    selesai = ditutup & Q(status=StatusPermohonan.SELESAI)
    backlog = Q(diajukan_pada__lt=akhir) & (Q(ditutup_pada__isnull=True) | Q(ditutup_pada__gte=akhir))
    batas = min(akhir, now)
    ukuran = {
        "selesai": Count("pk", filter=selesai),
        "tepat": Count("pk", filter=selesai & Q(tepat_waktu=True)),
        "terlambat": Count("pk", filter=selesai & Q(tepat_waktu=False)),
        "ditolak": Count("pk", filter=ditutup & Q(status=StatusPermohonan.DITOLAK)),
        "backlog": Count("pk", filter=backlog),
        "lewat_tenggat": Count("pk", filter=backlog & Q(tenggat__lt=batas)),
        "persentil_hari": Persentil("durasi_hari", (0.5, 0.9), filter=selesai),
        "persentil_menit": Persentil("durasi_menit", (0.5, 0.9), filter=selesai),
    }
    return ditutup | backlog, ukuran


def _lengkapi(row: dict) -> dict:
    row["persen_tepat"] = (
        Decimal(row["tepat"] * 100) / row["selesai"] if row["selesai"] else None
    )  # undefined with nothing completed, shown as "–"
    row["pelanggaran"] = row["terlambat"] + row["lewat_tenggat"]
    hari, menit = row.pop("persentil_hari") or (None, None), row.pop("persentil_menit") or (None, None)
    row["median_hari"], row["p90_hari"] = hari
    row["median_jam"], row["p90_jam"] = (None, None) if menit[0] is None else (menit[0] / 60, menit[1] / 60)
    return row


def kepatuhan(qs, *, mulai: dt.datetime, akhir: dt.datetime, kelompok=(), now=None) -> list[dict]:
    """Compliance of the requests in `qs` over [mulai, akhir), grouped by the `kelompok` fields: one query."""
    baris, ukuran = _ukuran(mulai, akhir, now or timezone.now())
    qs = qs.filter(baris).order_by()
    if not kelompok:
        return [_lengkapi(qs.aggregate(**ukuran))]
    return [_lengkapi(row) for row in qs.values(*kelompok).annotate(**ukuran).order_by(*kelompok)]


def kepatuhan_per_opd(pembaca, *, tahun: int, triwulan: int | None = None, now=None) -> list[dict]:
    """One row per provider OPD: the measures grouped on the id alone (one query), then the names (one)."""
    mulai, akhir = periode(tahun, triwulan)
    rows = kepatuhan(basis_kepatuhan(pembaca), mulai=mulai, akhir=akhir, kelompok=("penyedia_id",), now=now)
    opd = Opd.objects.in_bulk([r["penyedia_id"] for r in rows])
    for row in rows:
        row["opd_nama"], row["opd_urutan"] = opd[row["penyedia_id"]].nama, opd[row["penyedia_id"]].urutan
    return sorted(rows, key=lambda r: (r["opd_urutan"], r["opd_nama"]))


def kepatuhan_per_sla(
    pembaca, *, tahun: int, triwulan: int | None = None, penyedia: Opd | None = None, now=None
) -> list[dict]:
    """One row per agreement, all its versions together: grouped on the series (one query), then the names
    of its latest version (one query)."""
    mulai, akhir = periode(tahun, triwulan)
    rows = kepatuhan(
        basis_kepatuhan(pembaca, penyedia), mulai=mulai, akhir=akhir, kelompok=("sla__seri",), now=now
    )
    terbaru = {}
    for sla in (
        Sla.objects.filter(seri__in=[r["sla__seri"] for r in rows])
        .select_related("layanan", "penyedia")
        .order_by("seri", "versi")
    ):
        terbaru[sla.seri] = sla
    for row in rows:
        sla = terbaru[row.pop("sla__seri")]
        row.update(seri=sla.seri, sla_id=sla.pk, nomor=sla.nomor, layanan=sla.layanan.nama)
        row.update(opd_nama=sla.penyedia.nama, opd_urutan=sla.penyedia.urutan)
    return sorted(rows, key=lambda r: (r["opd_urutan"], r["opd_nama"], r["nomor"]))


def kepatuhan_per_bulan(pembaca, *, tahun: int, penyedia: Opd | None = None, now=None) -> list[dict]:
    """Completed requests and on-time share by month of completion (one query)."""
    mulai, akhir = periode(tahun)
    qs = basis_kepatuhan(pembaca, penyedia).filter(
        status=StatusPermohonan.SELESAI, ditutup_pada__gte=mulai, ditutup_pada__lt=akhir
    )
    rows = (
        qs.annotate(bulan=TruncMonth("ditutup_pada"))
        .values("bulan")
        .annotate(selesai=Count("pk"), tepat=Count("pk", filter=Q(tepat_waktu=True)))
        .order_by("bulan")
    )
    return [{**r, "persen_tepat": Decimal(r["tepat"] * 100) / r["selesai"]} for r in rows]


def ringkasan_kepatuhan(
    pembaca, *, tahun: int, triwulan: int | None = None, penyedia: Opd | None = None, now=None
) -> dict:
    """The totals a dashboard tile shows (one query); embed with templates/sla/_ringkasan_kepatuhan.html."""
    mulai, akhir = periode(tahun, triwulan)
    row = kepatuhan(basis_kepatuhan(pembaca, penyedia), mulai=mulai, akhir=akhir, now=now)[0]
    return {**row, "tahun": tahun, "triwulan": triwulan, "penyedia": penyedia}


def skor_kepatuhan_opd(*, tahun: int, triwulan: int | None = None, now=None) -> dict[int, Decimal | None]:
    """On-time share (0–100) per provider OPD for the OPD score, and the weight to give it.

    The scoring engine reads this when settings.SIPD_SLA_BOBOT_SKOR > 0 (percent of the score). An OPD with
    no completed request has None: left out, not counted as 0. System-level: no user filter.
    """
    mulai, akhir = periode(tahun, triwulan)
    rows = kepatuhan(Permohonan.objects.all(), mulai=mulai, akhir=akhir, kelompok=("penyedia_id",), now=now)
    return {row["penyedia_id"]: row["persen_tepat"] for row in rows}


def bobot_skor() -> Decimal:
    """Weight of SLA compliance in the OPD score as a fraction (0 = not counted)."""
    return Decimal(settings.SIPD_SLA_BOBOT_SKOR) / 100
