"""Claim register per year: Excel (in the request, it is light) and PDF (rendered by a worker)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from opd import calculations, klaim_selectors
from sipd.access import can_see_private_data
from sipd.excel import RUPIAH_FORMAT, tulis_lembar, workbook_bytes
from sipd.formatting import samarkan
from sipd.pdf import render_pdf


def baris_register(user, tahun: int) -> list[dict]:
    pribadi = can_see_private_data(user)
    rows = []
    for nomor, k in enumerate(
        klaim_selectors.klaim_list(user, tahun=tahun).order_by("waktu_kejadian", "pk"), 1
    ):
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


def register_xlsx(*, user, tahun: int) -> bytes:
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
        for r in baris_register(user, tahun)
    ]
    tulis_lembar(
        ws, header, rows,
        widths=[5, 28, 20, 32, 9, 17, 13, 28, 16, 18, 13, 13, 13, 16, 14, 30],
        formats={6: "dd/mm/yyyy hh:mm", 7: "dd/mm/yyyy", 9: RUPIAH_FORMAT, 10: RUPIAH_FORMAT,
                 12: "dd/mm/yyyy", 13: "dd/mm/yyyy", 14: RUPIAH_FORMAT, 15: RUPIAH_FORMAT},
    )  # fmt: skip
    return workbook_bytes(wb)


def register_pdf(*, user, tahun: int) -> bytes:
    rows = baris_register(user, tahun)
    return render_pdf(
        "opd/klaim_register_pdf.html",
        {"tahun": tahun, "rows": rows, "lihat_nominal": can_see_private_data(user)},
    )
