"""Rekap pengisian: completeness and workflow status of every OPD for one triwulan."""

from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from kinerja.models import BuktiDukung, PelaporanTriwulan, Realisasi
from kinerja.selectors.realisasi import daftar_pemantauan
from opd.models import Opd
from sipd import access
from sipd.excel import NUMBER_FORMAT, tulis_lembar, workbook_bytes
from sipd.laporan import JenisLaporan, daftar
from sipd.pdf import render_pdf


def _boleh_pemantauan(user, params) -> bool:
    return access.can_any(user, "verifikasi", PelaporanTriwulan) or access.has_role(user, "pimpinan")


def _versi_pengisian(params) -> tuple:
    tahun, triwulan = params.get("tahun"), params.get("triwulan")
    realisasi = Realisasi.objects.filter(tahun=tahun, triwulan=triwulan).aggregate(
        n=Count("pk"), t=Max("diubah")
    )
    pelaporan = PelaporanTriwulan.objects.filter(tahun=tahun, triwulan=triwulan).aggregate(
        n=Count("pk"), a=Max("diajukan"), v=Max("diverifikasi")
    )
    bukti = BuktiDukung.objects.filter(realisasi__tahun=tahun, realisasi__triwulan=triwulan).count()
    return realisasi, pelaporan, bukti


def _buat_pengisian(params, fmt, progres):
    tahun, triwulan = params["tahun"], params["triwulan"]
    rows, jadwal = daftar_pemantauan(tahun=tahun, triwulan=triwulan, opd_qs=Opd.objects.all())
    progres(50)
    if fmt == "pdf":
        return render_pdf(
            "kinerja/laporan/pengisian.html",
            {"rows": rows, "jadwal": jadwal, "tahun": tahun, "triwulan": triwulan,
             "judul": _("Rekap Pengisian Realisasi Kinerja")},
        )  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = f"TW {triwulan} {tahun}"
    tulis_lembar(
        ws,
        [_("Kode OPD"), _("OPD"), _("Indikator"), _("Terisi"), _("Kelengkapan (%)"), _("Dengan bukti"),
         _("Status"), _("Diajukan"), _("Terlambat")],
        (
            [r.opd.kode, r.opd.nama, r.jumlah, r.terisi, r.persen_terisi, r.berbukti,
             r.pelaporan.get_status_display() if r.pelaporan else _("Draf"),
             r.pelaporan.diajukan.replace(tzinfo=None) if r.pelaporan and r.pelaporan.diajukan else None,
             _("ya") if r.terlambat else ""]
            for r in rows
        ),
        widths=[24, 48, 11, 9, 15, 13, 14, 18, 11],
        formats={5: NUMBER_FORMAT},
    )  # fmt: skip
    return workbook_bytes(wb)


PENGISIAN = daftar(
    JenisLaporan(
        kode="rekap-pengisian",
        judul=gettext_lazy("Rekap pengisian realisasi per OPD"),
        keterangan=gettext_lazy(
            "Kelengkapan, bukti dukung dan status verifikasi setiap OPD untuk satu triwulan."
        ),
        boleh=_boleh_pemantauan,
        versi=_versi_pengisian,
        buat=_buat_pengisian,
        parameter=("tahun", "triwulan"),
    )
)
