"""Downloadable templates: an .xlsx with dropdowns and an instructions sheet, and a CSV."""

from __future__ import annotations

import csv
import io

import openpyxl
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from opd.impor.kolom import IMPOR_OPD, IMPOR_PEGAWAI, JENIS_IMPOR, KOLOM
from sipd.formatting import format_angka
from sipd.spreadsheet import MAX_BARIS, Kolom

JUDUL_LEMBAR = {IMPOR_OPD: "OPD", IMPOR_PEGAWAI: "Pegawai"}


def _isi_pilihan(kolom: Kolom) -> list[str]:
    """Dropdown values: Indonesian labels, which every language's import accepts."""
    if isinstance(kolom.pilihan, tuple):
        return list(kolom.pilihan)
    with translation.override("id"):
        return [str(label) for label in kolom.pilihan.labels]


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
    sheet.append([k.nama for k in kolom])
    sheet.append([k.contoh or None for k in kolom])
    judul = PatternFill("solid", fgColor="DDEBF7")
    for i, k in enumerate(kolom, start=1):
        huruf = get_column_letter(i)
        sheet.cell(row=1, column=i).font = Font(bold=True)
        sheet.cell(row=1, column=i).fill = judul
        sheet.column_dimensions[huruf].width = max(14, len(k.contoh) + 4)
        if k.teks:
            sheet.column_dimensions[huruf].number_format = "@"
            sheet.cell(row=2, column=i).number_format = "@"
        if k.pilihan:
            validasi = DataValidation(
                type="list",
                formula1='"{}"'.format(",".join(_isi_pilihan(k))),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=_("Isian tidak dikenal"),
                error=_("Pilih salah satu isian dari daftar."),
            )
            validasi.add(f"{huruf}2:{huruf}{MAX_BARIS + 1}")
            sheet.add_data_validation(validasi)
    sheet.freeze_panes = "A2"

    petunjuk = workbook.create_sheet("Petunjuk")
    petunjuk.append([_("Petunjuk impor %(jenis)s") % {"jenis": JENIS_IMPOR[jenis]}])
    petunjuk["A1"].font = Font(bold=True, size=13)
    for teks in _catatan(jenis):
        petunjuk.append([teks])
    petunjuk.append([])
    petunjuk.append([_("Kolom"), _("Wajib diisi"), _("Keterangan"), _("Contoh")])
    for cell in petunjuk[petunjuk.max_row]:
        cell.font = Font(bold=True)
        cell.fill = judul
    for k in kolom:
        petunjuk.append([k.nama, _("ya") if k.wajib else _("tidak"), str(k.keterangan), k.contoh])
    for huruf, lebar in zip("ABCD", (16, 12, 100, 28), strict=True):
        petunjuk.column_dimensions[huruf].width = lebar
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def templat_csv(jenis: str) -> bytes:
    """UTF-8 with BOM and ";" (what Excel in an Indonesian locale opens and saves)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([k.nama for k in KOLOM[jenis]])
    writer.writerow([k.contoh for k in KOLOM[jenis]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
