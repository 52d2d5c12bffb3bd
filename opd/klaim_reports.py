"""Claim register per year, PDF and Excel, rendered by the report-job framework (see opd/reports.py).

Built from parameters only: `data_pribadi` decides whether NIK and amounts are shown, so a cached file is tied
to it and never reaches a role that may not see private data.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from opd import calculations, klaim_selectors
from sipd.excel import RUPIAH_FORMAT, tulis_lembar, workbook_bytes
from sipd.formatting import samarkan
from sipd.pdf import render_pdf


def baris_register(tahun: int, *, data_pribadi: bool) -> list[dict]:
    pribadi = data_pribadi
    rows = []
    for nomor, k in enumerate(klaim_selectors.register_tahun(tahun), 1):
        hitung = calculations.santunan_kematian(k.program, k.upah_bpjs).total
        rows.append(
            {
                "nomor": nomor,
                "klaim": k,
                "nik": k.pegawai.nik if pribadi else samarkan(k.pegawai.nik or ""),
                "upah": k.upah_bpjs if pribadi else None,
                "hitung": hitung if pribadi else None,
                "dibayar": k.jumlah_dibayar if pribadi else None,
                "selisih": (k.jumlah_dibayar - hitung) if pribadi and k.jumlah_dibayar is not None else None,
            }
        )
    return rows


def register_xlsx(*, tahun: int, data_pribadi: bool) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Register %(tahun)s") % {"tahun": tahun}
    header = [
        _("No."), _("Nama"), _("NIK"), _("Perangkat daerah"), _("Program"), _("Waktu kejadian"),
        _("Tanggal meninggal"), _("Tempat"), _("Upah dilaporkan"), _("Hitungan PP 82/2019"), _("Status"),
        _("Tanggal diajukan"), _("Tanggal dibayar"), _("Jumlah dibayar"), _("Selisih"), _("Alasan ditolak"),
    ]  # fmt: skip
    rows = [
        [
            r["nomor"],
            r["klaim"].pegawai.nama,
            r["nik"],
            r["klaim"].pegawai.opd.nama,
            r["klaim"].program.upper(),
            timezone.localtime(r["klaim"].waktu_kejadian).replace(tzinfo=None),
            r["klaim"].tanggal_meninggal,
            r["klaim"].tempat_kejadian,
            r["upah"],
            r["hitung"],
            r["klaim"].get_status_display(),
            r["klaim"].tanggal_diajukan,
            r["klaim"].tanggal_dibayar,
            r["dibayar"],
            r["selisih"],
            r["klaim"].alasan_ditolak,
        ]  # fmt: skip
        for r in baris_register(tahun, data_pribadi=data_pribadi)
    ]
    tulis_lembar(
        ws, header, rows,
        widths=[5, 28, 20, 32, 9, 17, 13, 28, 16, 18, 13, 13, 13, 16, 14, 30],
        formats={6: "dd/mm/yyyy hh:mm", 7: "dd/mm/yyyy", 9: RUPIAH_FORMAT, 10: RUPIAH_FORMAT,
                 12: "dd/mm/yyyy", 13: "dd/mm/yyyy", 14: RUPIAH_FORMAT, 15: RUPIAH_FORMAT},
    )  # fmt: skip
    return workbook_bytes(wb)


def register_pdf(*, tahun: int, data_pribadi: bool) -> bytes:
    rows = baris_register(tahun, data_pribadi=data_pribadi)
    return render_pdf(
        "opd/klaim_register_pdf.html", {"tahun": tahun, "rows": rows, "lihat_nominal": data_pribadi}
    )
