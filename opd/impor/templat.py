"""Downloadable templates: an .xlsx with dropdowns and an instructions sheet, and a CSV."""

from __future__ import annotations

import csv
import io

import openpyxl
from django.utils.translation import gettext as _

from opd.impor.kolom import IMPOR_OPD, IMPOR_PEGAWAI, JENIS_IMPOR, KOLOM
from sipd import spreadsheet as ss
from sipd.excel import workbook_bytes
from sipd.formatting import format_angka
from sipd.spreadsheet import MAX_BARIS

JUDUL_LEMBAR = {IMPOR_OPD: "OPD", IMPOR_PEGAWAI: "Pegawai"}


def _catatan(jenis: str) -> list[str]:
    catatan = [
        _("Isi lembar pertama, satu baris per data, mulai baris 2. Baris contoh boleh diganti atau dihapus."),
        _("Judul kolom di baris 1 jangan diubah; urutan kolom boleh berbeda."),
        _(
            "Seluruh berkas diperiksa lebih dulu. Bila ada kesalahan, tidak ada data yang disimpan dan semua "
            "kesalahan ditampilkan menurut baris dan kolom."
        ),
    ]
    if jenis == IMPOR_OPD:
        catatan.append(
            _(
                "OPD dicocokkan dengan kode: impor ulang memperbarui, tidak menggandakan. OPD yang tidak ada "
                "di berkas tidak dihapus. Impor OPD lebih dulu, lalu pegawai."
            )
        )
    else:
        catatan += [
            _(
                "Pegawai ASN dicocokkan dengan NIP dan non-ASN dengan NIK: impor ulang memperbarui, tidak "
                "menggandakan. Pegawai yang tidak ada di berkas tidak dihapus."
            ),
            _("Ketik NIP dan NIK sebagai teks (kolomnya berformat Teks) agar Excel tidak membulatkannya."),
        ]
    catatan.append(
        _("Boleh juga disimpan sebagai CSV UTF-8 (pemisah ; atau ,). Paling banyak %(n)s baris per berkas.")
        % {"n": format_angka(MAX_BARIS, 0)}
    )
    return catatan


def templat_xlsx(jenis: str) -> bytes:
    kolom = KOLOM[jenis]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = JUDUL_LEMBAR[jenis]
    ss.tulis_lembar_templat(sheet, kolom, [[k.contoh or None for k in kolom]])
    judul = _("Petunjuk impor %(jenis)s") % {"jenis": JENIS_IMPOR[jenis]}
    ss.tulis_petunjuk(workbook.create_sheet("Petunjuk"), judul, _catatan(jenis), [("", kolom)])
    return workbook_bytes(workbook)


def templat_csv(jenis: str) -> bytes:
    """UTF-8 with BOM and ";" (what Excel in an Indonesian locale opens and saves)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([k.nama for k in KOLOM[jenis]])
    writer.writerow([k.contoh for k in KOLOM[jenis]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
