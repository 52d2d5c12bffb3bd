"""The duty recap of one disaster (PDF and Excel), built by the report-job framework (sipd.laporan)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from bencana import calculations, selectors
from bencana.models import KejadianBencana, LaporanHarian, Penugasan, PerpanjanganStatus, StatusDarurat
from sipd import access
from sipd.excel import NUMBER_FORMAT, tulis_lembar, workbook_bytes
from sipd.laporan import JenisLaporan, daftar
from sipd.pdf import render_pdf


def data_rekap(kejadian: KejadianBencana) -> dict:
    hari_ini = selectors.hari_ini()
    kemarin = hari_ini - calculations.SATU_HARI
    penugasan = list(
        selectors.penugasan_dengan_laporan(
            Penugasan.objects.filter(status_darurat__kejadian=kejadian), hari_ini
        ).order_by("status_darurat__mulai", "opd__urutan", "pk")
    )
    for p in penugasan:
        p.laporan_wajib = calculations.hari_wajib_lapor(p.mulai, p.selesai, kemarin)
        p.jam_siap = calculations.jam_antara(p.dibuat, p.siap) if p.siap else None
    return {
        "kejadian": kejadian,
        "status_list": list(kejadian.status_darurat.prefetch_related("perpanjangan").order_by("mulai")),
        "penugasan": penugasan,
        "respon": selectors.respon_per_opd(penugasan, hari_ini),
        "hari_ini": hari_ini,
    }


def rekap_xlsx(*, kejadian: KejadianBencana) -> bytes:
    data = data_rekap(kejadian)
    wb = Workbook()
    ws = wb.active
    ws.title = _("Penugasan")
    header = [
        _("No."), _("Status"), _("Perangkat daerah"), _("Nama"), _("Jabatan"), _("Tugas sebagai"),
        _("Unit/klaster"), _("Mulai"), _("Selesai"), _("Siap"), _("Jam sampai siap"), _("Laporan wajib"),
        _("Tepat waktu"), _("Terlambat"),
    ]  # fmt: skip
    rows = [
        [
            i,
            p.status_darurat.get_status_display(),
            p.opd.nama,
            p.pegawai.nama,
            p.pegawai.jabatan,
            p.sebutan,
            p.get_unit_display(),
            p.mulai,
            p.selesai,
            timezone.localtime(p.siap).replace(tzinfo=None) if p.siap else None,
            round(p.jam_siap, 2) if p.jam_siap is not None else None,
            p.laporan_wajib,
            p.laporan_tepat,
            p.laporan_telat,
        ]  # fmt: skip
        for i, p in enumerate(data["penugasan"], 1)
    ]
    tulis_lembar(
        ws, header, rows, widths=[5, 16, 34, 28, 30, 28, 26, 11, 11, 16, 10, 10, 10, 10],
        formats={8: "dd/mm/yyyy", 9: "dd/mm/yyyy", 10: "dd/mm/yyyy hh:mm", 11: NUMBER_FORMAT},
    )  # fmt: skip
    ws2 = wb.create_sheet(_("Respons per OPD"))
    tulis_lembar(
        ws2,
        [
            _("Perangkat daerah"),
            _("Penugasan"),
            _("Siap"),
            _("Rata-rata jam sampai siap"),
            _("Laporan wajib"),
            _("Tepat waktu"),
            _("Terlambat"),
            _("Belum"),
            _("% tepat waktu"),
        ],  # fmt: skip
        [
            [
                opd.nama,
                r.penugasan,
                r.siap,
                r.rata_jam_siap,
                r.laporan_wajib,
                r.laporan_tepat_waktu,
                r.laporan_terlambat,
                r.laporan_belum,
                r.persen_tepat_waktu,
            ]  # fmt: skip
            for opd, r in data["respon"]
        ],
        widths=[40, 10, 8, 14, 12, 12, 10, 8, 12],
        formats={4: NUMBER_FORMAT, 9: NUMBER_FORMAT},
    )
    return workbook_bytes(wb)


def rekap_pdf(*, kejadian: KejadianBencana) -> bytes:
    return render_pdf("bencana/rekap_pdf.html", data_rekap(kejadian))


# --- Registration with the report-job framework --------------------------------------------------------


def _id_kejadian(params) -> int | None:
    try:
        return int(params["kejadian"])
    except (KeyError, TypeError, ValueError):
        return None


def _boleh_rekap(user, params) -> bool:
    """Whoever sees the disaster's page (sipd.access on KejadianBencana) may ask for its recap."""
    pk = _id_kejadian(params)
    if pk is None:
        return access.can_any(user, access.VIEW, KejadianBencana)
    return KejadianBencana.objects.visible_to(user).filter(pk=pk).exists()


def _versi_rekap(params) -> tuple:
    """Assignments, acknowledgements, daily reports and decrees (counts and latest changes), and today:
    the reports due are counted up to yesterday, so the recap changes with the date as well."""
    pk = _id_kejadian(params)
    penugasan = Penugasan.objects.filter(status_darurat__kejadian=pk).aggregate(
        n=Count("pk"), t_diubah=Max("diubah"), t_siap=Max("siap"), n_siap=Count("siap")
    )
    laporan = LaporanHarian.objects.filter(penugasan__status_darurat__kejadian=pk).aggregate(
        n=Count("pk"), diubah=Max("diubah")
    )
    status = StatusDarurat.objects.filter(kejadian=pk).aggregate(n=Count("pk"), dibuat=Max("dibuat"))
    perpanjangan = PerpanjanganStatus.objects.filter(status_darurat__kejadian=pk).aggregate(
        n=Count("pk"), dibuat=Max("dibuat")
    )
    kejadian = KejadianBencana.objects.filter(pk=pk).values_list("diubah", flat=True).first()
    return kejadian, penugasan, laporan, status, perpanjangan, selectors.hari_ini()


def _buat_rekap(params, fmt, progres) -> bytes:
    kejadian = (
        KejadianBencana.objects.select_related("jenis", "kecamatan").filter(pk=_id_kejadian(params)).first()
    )
    if kejadian is None:
        raise ValidationError(_("Kejadian bencana tidak ditemukan."))
    progres(10)
    return rekap_pdf(kejadian=kejadian) if fmt == "pdf" else rekap_xlsx(kejadian=kejadian)


REKAP_PENUGASAN = daftar(
    JenisLaporan(
        kode="rekap-penugasan",
        judul=gettext_lazy("Rekap penugasan tanggap bencana"),
        keterangan=gettext_lazy("Penugasan, kesiapan dan laporan harian pegawai pada satu kejadian bencana."),
        boleh=_boleh_rekap,
        versi=_versi_rekap,
        buat=_buat_rekap,
        parameter=("kejadian",),
        di_formulir=False,
        nama_berkas=lambda params: f"rekap-penugasan-{_id_kejadian(params)}",
        kembali=lambda params: reverse("bencana-kejadian-detail", args=[_id_kejadian(params)]),
    )
)
