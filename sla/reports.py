"""Compliance reports, registered with the report-job framework (sipd.laporan) as "kepatuhan-sla".

The figures depend on who reads them (every provider for Pimpinan, Bappeda and Admin; an OPD's own users
read their OPD): the job carries the requester's scope (`lingkup`, from sla.selectors.lingkup_kepatuhan),
so a finished file is reused, and downloaded, only by users who see the same data.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from sipd import access
from sipd.excel import NUMBER_FORMAT, tulis_lembar, workbook_bytes
from sipd.laporan import JenisLaporan, daftar
from sla import selectors
from sla.models import Permohonan, Sla

KODE = "kepatuhan-sla"

HEADER_UKURAN = [
    "Selesai", "Tepat waktu", "Terlambat", "Kepatuhan (%)", "Median (hari kerja)", "P90 (hari kerja)",
    "Median (jam kerja)", "P90 (jam kerja)", "Backlog", "Lewat tenggat (terbuka)", "Pelanggaran", "Ditolak",
]  # fmt: skip


def _angka(value):
    return None if value is None else float(value)


def _ukuran(row: dict) -> list:
    return [
        row["selesai"], row["tepat"], row["terlambat"], _angka(row["persen_tepat"]),
        _angka(row["median_hari"]),
        _angka(row["p90_hari"]), _angka(row["median_jam"]), _angka(row["p90_jam"]), row["backlog"],
        row["lewat_tenggat"], row["pelanggaran"], row["ditolak"],
    ]  # fmt: skip


def data_laporan(pembaca, *, tahun: int, triwulan: int | None = None) -> dict:
    """Everything a compliance report shows, in four queries."""
    return {
        "tahun": tahun,
        "triwulan": triwulan,
        "ringkasan": selectors.ringkasan_kepatuhan(pembaca, tahun=tahun, triwulan=triwulan),
        "per_opd": selectors.kepatuhan_per_opd(pembaca, tahun=tahun, triwulan=triwulan),
        "per_sla": selectors.kepatuhan_per_sla(pembaca, tahun=tahun, triwulan=triwulan),
        "per_bulan": selectors.kepatuhan_per_bulan(pembaca, tahun=tahun),
    }


def kepatuhan_xlsx(pembaca, *, tahun: int, triwulan: int | None = None) -> bytes:
    data = data_laporan(pembaca, tahun=tahun, triwulan=triwulan)
    wb = Workbook()
    angka = dict.fromkeys(range(5, 10), NUMBER_FORMAT)
    ws = wb.active
    ws.title = "Per OPD"
    tulis_lembar(
        ws, ["Perangkat daerah", *HEADER_UKURAN], ([r["opd_nama"], *_ukuran(r)] for r in data["per_opd"]),
        widths=[44] + [13] * len(HEADER_UKURAN), formats=angka,
    )  # fmt: skip
    ws = wb.create_sheet("Per SLA")
    tulis_lembar(
        ws,
        ["Perangkat daerah", "Nomor SLA", "Layanan", *HEADER_UKURAN],
        ([r["opd_nama"], r["nomor"], r["layanan"], *_ukuran(r)] for r in data["per_sla"]),
        widths=[36, 22, 36] + [13] * len(HEADER_UKURAN),
        formats={k + 2: v for k, v in angka.items()},
    )
    ws = wb.create_sheet("Per bulan")
    tulis_lembar(
        ws, ["Bulan", "Selesai", "Tepat waktu", "Kepatuhan (%)"],
        ([r["bulan"].strftime("%Y-%m"), r["selesai"], r["tepat"], float(r["persen_tepat"])]
         for r in data["per_bulan"]),
        widths=[12, 12, 12, 14], formats={4: NUMBER_FORMAT},
    )  # fmt: skip
    return workbook_bytes(wb)


def kepatuhan_pdf(pembaca, *, tahun: int, triwulan: int | None = None) -> bytes:
    from sipd.pdf import render_pdf

    return render_pdf("sla/pdf/kepatuhan.html", data_laporan(pembaca, tahun=tahun, triwulan=triwulan))


# ---------------------------------------------------------------------------------------------------------
# The report job: `pembaca` is a user on the pages, a scope (params["lingkup"]) in the worker.
# ---------------------------------------------------------------------------------------------------------
def _periode(params) -> tuple[int, int | None]:
    try:
        tahun = int(params["tahun"])
        triwulan = int(params["triwulan"]) if params.get("triwulan") else None
    except (KeyError, TypeError, ValueError):
        raise ValidationError(_("Tahun atau triwulan tidak sah.")) from None
    if not 2000 <= tahun <= 2100 or triwulan not in (None, 1, 2, 3, 4):
        raise ValidationError(_("Tahun atau triwulan tidak sah."))
    return tahun, triwulan


def _lingkup(params):
    """The scope the job was asked with; the command line (no requester) reads every provider."""
    lingkup = params.get("lingkup", selectors.SEMUA)
    if lingkup != selectors.SEMUA and not (
        isinstance(lingkup, list) and all(isinstance(i, int) for i in lingkup)
    ):
        raise ValidationError(_("Lingkup laporan tidak sah."))
    return lingkup


def _peminta(user) -> dict:
    return {"lingkup": selectors.lingkup_kepatuhan(user)}


def _boleh(user, params) -> bool:
    """Readers of compliance; a job only to users of the scope it was made for (another OPD's is refused)."""
    if not access.can_any(user, access.VIEW, Permohonan):
        return False
    return not params or params.get("lingkup") == selectors.lingkup_kepatuhan(user)


def _versi(params) -> dict:
    """Requests in the scope (count, last change), agreement names, and open requests already past their
    due time (the backlog's breaches grow with the clock, not only with writes): two queries."""
    qs = selectors.basis_kepatuhan(_lingkup(params))
    versi = qs.aggregate(
        n=Count("pk"),
        diubah=Max("diubah"),
        lewat=Count("pk", filter=Q(ditutup_pada__isnull=True, tenggat__lt=timezone.now())),
    )
    versi["sla"] = Sla.objects.filter(pk__in=qs.values("sla_id")).aggregate(d=Max("diubah"))["d"]
    return versi


def _buat(params, fmt, progres) -> bytes:
    tahun, triwulan = _periode(params)
    lingkup = _lingkup(params)
    progres(10)
    if fmt == "pdf":
        return kepatuhan_pdf(lingkup, tahun=tahun, triwulan=triwulan)
    return kepatuhan_xlsx(lingkup, tahun=tahun, triwulan=triwulan)


def _nama_berkas(params) -> str:
    tahun, triwulan = _periode(params)
    return f"kepatuhan-sla-{tahun}" + (f"-tw{triwulan}" if triwulan else "")


def _kembali(params) -> str:
    tahun, triwulan = _periode(params)
    query = {"tahun": tahun, **({"triwulan": triwulan} if triwulan else {})}
    return f"{reverse('sla-kepatuhan')}?{urlencode(query)}"


KEPATUHAN = daftar(
    JenisLaporan(
        kode=KODE,
        judul=gettext_lazy("Kepatuhan SLA"),
        keterangan=gettext_lazy(
            "Kepatuhan, durasi, backlog dan pelanggaran per perangkat daerah penyedia, per SLA dan "
            "per bulan, sesuai data yang boleh Anda lihat."
        ),
        boleh=_boleh,
        versi=_versi,
        buat=_buat,
        parameter=("tahun",),
        opsional=("triwulan",),
        parameter_peminta=_peminta,
        nama_berkas=_nama_berkas,
        kembali=_kembali,
    )
)
