"""Reading uploaded spreadsheets safely, and collecting every error by sheet, row and column.

An import checks the whole file before writing anything: `baca_berkas` reads an .xlsx (openpyxl read-only,
size and zip-bomb guards, type checked by content) or a .csv upload into plain rows, `tabel` maps a sheet's
rows to the template's columns, and the cell parsers turn raw cell values into Python values or a
`ValidationError` with an Indonesian message, recorded by `Baris` as a `Galat`. Any `Galat` means the
service raises `ImporGagal` and writes nothing.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import openpyxl
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sipd.excel import FORMULA_PREFIXES, sel_aman
from sipd.formatting import format_angka, parse_angka

MAX_BARIS = 20_000
MAX_KOLOM = 60
MAX_XLSX_TERURAI = 50 * 1024 * 1024  # zip bomb guard: total uncompressed size of the xlsx members
MAX_ANGGOTA_ZIP = 2_000
BERKAS = "berkas"  # the "column" of errors about the file as a whole
PERTAMA = ""  # key of the first (or only) sheet in what `baca_berkas` returns


# Columns -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    nama: str
    wajib: bool  # a value is required in every row
    keterangan: str
    contoh: str = ""
    pilihan: type | tuple = ()  # dropdown in the xlsx template: a TextChoices or the values
    teks: bool = False  # formatted as text in the xlsx template, so Excel keeps the digits


def label_pilihan(choices) -> tuple:
    return tuple(str(label) for label in choices.labels)


# Errors and result -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Galat:
    baris: int  # row number as the user sees it in the sheet; 0 = the file (or sheet) as a whole
    kolom: str
    pesan: str
    lembar: str = ""  # sheet name, for workbooks of several sheets

    def __str__(self):
        if not self.baris:
            return _("Lembar %(lembar)s: %(pesan)s") % vars(self) if self.lembar else self.pesan
        if self.lembar:
            return _("Lembar %(lembar)s, baris %(baris)s, kolom %(kolom)s: %(pesan)s") % vars(self)
        return _("Baris %(baris)s, kolom %(kolom)s: %(pesan)s") % vars(self)


class ImporGagal(Exception):
    """The file was refused; `galat` lists every error by sheet, row and then the template's column order."""

    def __init__(self, galat, urutan_kolom=(), urutan_lembar=()):
        kolom = {nama: i for i, nama in enumerate(urutan_kolom)}
        lembar = {nama: i for i, nama in enumerate(urutan_lembar)}
        self.galat = sorted(
            galat,
            key=lambda g: (lembar.get(g.lembar, len(lembar)), g.baris, kolom.get(g.kolom, len(kolom))),
        )
        super().__init__("; ".join(str(g) for g in self.galat[:5]))


@dataclass(frozen=True)
class HasilImpor:
    jenis: str  # what was imported, as the user reads it ("Struktur OPD")
    dibuat: int
    diubah: int
    tetap: int

    def __str__(self):
        return _(
            "Impor %(jenis)s selesai: %(dibuat)s baru, %(diubah)s diperbarui, %(tetap)s tidak berubah."
        ) % {
            "jenis": self.jenis,
            "dibuat": format_angka(self.dibuat, 0),
            "diubah": format_angka(self.diubah, 0),
            "tetap": format_angka(self.tetap, 0),
        }


def gagal(pesan, baris=0, kolom=BERKAS, lembar=""):
    return ImporGagal([Galat(baris, kolom, pesan, lembar)])


# Reading the file --------------------------------------------------------------------------------------


def baca_berkas(file, *, lembar: Sequence[str] = (), csv_boleh: bool = True) -> dict[str, list]:
    """Rows [(row number, values)] of an .xlsx or .csv upload, the type checked by content.

    Without `lembar`, the first sheet (or the CSV) under the key PERTAMA; with `lembar`, each of those
    sheets the workbook has, by name (the caller decides which are required). Raises ImporGagal for a file
    that is too big, not what its name says, damaged, or has too many rows.
    """
    nama = (getattr(file, "name", "") or "").lower()
    batas = settings.SIPD_UPLOAD_MAX_BYTES
    mb = format_angka(batas / 1024 / 1024, 0)
    if not nama.endswith((".xlsx", ".csv") if csv_boleh else (".xlsx",)):
        if csv_boleh:
            raise gagal(_("Hanya berkas Excel (.xlsx) atau CSV (.csv) yang dapat diimpor."))
        raise gagal(_("Hanya berkas Excel (.xlsx) yang dapat diimpor."))
    if (getattr(file, "size", None) or 0) > batas:
        raise gagal(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": mb})
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(batas + 1)
    if len(data) > batas:
        raise gagal(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": mb})
    if nama.endswith(".xlsx"):
        return _baris_xlsx(data, lembar)
    return {PERTAMA: _baris_csv(data)}


def _baris_xlsx(data: bytes, lembar: Sequence[str]) -> dict[str, list]:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise gagal(_("Berkas ini format Excel lama (.xls). Simpan ulang sebagai .xlsx atau CSV UTF-8."))
    bukan_xlsx = _("Berkas bernama .xlsx tetapi isinya bukan berkas Excel (.xlsx).")
    if not data.startswith(b"PK\x03\x04"):
        raise gagal(bukan_xlsx)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            anggota = arsip.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise gagal(bukan_xlsx) from None
    if not any(a.filename == "xl/workbook.xml" for a in anggota):
        raise gagal(bukan_xlsx)
    # zipfile never inflates a member past its declared size, so the declared sizes bound the real ones.
    if len(anggota) > MAX_ANGGOTA_ZIP or sum(a.file_size for a in anggota) > MAX_XLSX_TERURAI:
        raise gagal(
            _("Isi berkas Excel lebih dari %(mb)s MB setelah dibuka. Bagi menjadi beberapa berkas.")
            % {"mb": MAX_XLSX_TERURAI // 1024 // 1024}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not workbook.worksheets:
                    raise gagal(_("Berkas Excel tidak berisi lembar kerja."))
                if not lembar:
                    return {PERTAMA: _rows(workbook.worksheets[0], "")}
                return {nama: _rows(workbook[nama], nama) for nama in lembar if nama in workbook.sheetnames}
            finally:
                workbook.close()
    except ImporGagal:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise gagal(
            _("Berkas Excel rusak atau tidak dapat dibaca. Simpan ulang dari Excel lalu coba lagi.")
        ) from None


def _rows(sheet, nama: str) -> list:
    return _batasi(enumerate(sheet.iter_rows(max_col=MAX_KOLOM, values_only=True), start=1), nama)


def _baris_csv(data: bytes) -> list:
    if data.startswith(b"PK\x03\x04") or b"\x00" in data:
        raise gagal(_("Berkas bernama .csv tetapi isinya bukan teks CSV."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise gagal(
            _("Berkas CSV harus berupa teks UTF-8. Di Excel pilih Simpan Sebagai → CSV UTF-8 (dipisah koma).")
        ) from None
    judul = next((line for line in text.splitlines() if line.strip()), "")
    try:
        pemisah = csv.Sniffer().sniff(judul, delimiters=";,").delimiter
    except csv.Error:
        pemisah = ";" if judul.count(";") > judul.count(",") else ","
    try:
        return _batasi(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=pemisah), start=1), "")
    except csv.Error as exc:
        raise gagal(_("Berkas CSV tidak dapat dibaca: %(galat)s") % {"galat": exc}) from None


def kosong(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _batasi(rows, lembar: str) -> list:
    """The filled rows as a list, refusing more than MAX_BARIS of them (plus the header)."""
    out, terisi = [], 0
    for nomor, row in rows:
        if any(not kosong(v) for v in row[:MAX_KOLOM]):
            terisi += 1
            if terisi > MAX_BARIS + 1:
                raise gagal(
                    _("Berkas berisi lebih dari %(n)s baris data. Bagi menjadi beberapa berkas.")
                    % {"n": format_angka(MAX_BARIS, 0)},
                    lembar=lembar,
                )
            out.append((nomor, tuple(row[:MAX_KOLOM])))
    return out


@dataclass
class Tabel:
    baris_judul: int
    baris: list  # [(row number, {column: raw value})]
    galat: list
    lembar: str = ""


def nama_kolom(value) -> str:
    return re.sub(r"[\s\-]+", "_", teks(value).lower()).strip("*_")


def tabel(
    rows: list,
    kolom: Sequence[Kolom],
    *,
    boleh_tidak_ada: frozenset = frozenset(),
    lembar: str = "",
    boleh_kosong: bool = False,
    judul_salah: Callable[[list], None] | None = None,
) -> Tabel:
    """The rows under the header row, as {column: raw value}. The header must name every template column
    (except `boleh_tidak_ada`) and nothing else; `judul_salah(names)` may raise a clearer error first."""
    if not rows:
        if boleh_kosong:
            return Tabel(0, [], [], lembar)
        raise gagal(_("Berkas kosong."), lembar=lembar)
    dikenal = {k.nama for k in kolom}
    baris_judul, judul = rows[0]
    names = [nama_kolom(v) for v in judul]
    galat = []
    for nama, jumlah in Counter(n for n in names if n).items():
        if nama not in dikenal:
            pesan = _("Kolom tidak dikenal. Gunakan judul kolom dari templat.")
            galat.append(Galat(baris_judul, nama, pesan, lembar))
        elif jumlah > 1:
            galat.append(Galat(baris_judul, nama, _("Kolom ini muncul lebih dari sekali."), lembar))
    for k in kolom:
        if k.nama not in names and k.nama not in boleh_tidak_ada:
            galat.append(Galat(baris_judul, k.nama, _("Kolom wajib ini tidak ada di baris judul."), lembar))
    if galat:
        if judul_salah is not None:
            judul_salah(names)
        raise ImporGagal(galat, [k.nama for k in kolom])
    if len(rows) == 1 and not boleh_kosong:
        raise gagal(_("Berkas tidak berisi baris data di bawah judul kolom."), lembar=lembar)
    posisi = {nama: i for i, nama in enumerate(names) if nama}
    data, galat = [], []
    for nomor, row in rows[1:]:
        nilai = {nama: (row[i] if i < len(row) else None) for nama, i in posisi.items()}
        if any(not kosong(v) for i, v in enumerate(row) if i >= len(names) or not names[i]):
            galat.append(Galat(nomor, "–", _("Ada isian di kolom yang tidak berjudul."), lembar))
        data.append((nomor, nilai))
    return Tabel(baris_judul, data, galat, lembar)


# Cell parsers: raw value from openpyxl or csv → Python value, or ValidationError with an Indonesian message.


def teks(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return " ".join(str(value).split())


def kunci(text) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def peta_pilihan(choices, **alias) -> dict:
    """Accepted spellings of each choice: its value and its label (Indonesian and current language)."""
    peta = {kunci(k): v for k, v in alias.items()}
    with translation.override("id"):
        peta.update({kunci(label): value for value, label in choices.choices})
    peta.update({kunci(label): value for value, label in choices.choices})
    peta.update({kunci(value): value for value in choices.values})
    return peta


def pilihan(choices, nama_kolom, **alias):
    """Parser of a choice column: the value or label in any spelling (case, spaces, punctuation)."""
    peta = {}

    def parse(value):
        text = teks(value)
        if not text:
            raise ValidationError(_("Wajib diisi."))
        if not peta:
            peta.update(peta_pilihan(choices, **alias))
        hasil = peta.get(kunci(text))
        if hasil is None:
            raise ValidationError(
                _("%(nilai)s bukan %(kolom)s yang dikenal. Pilih salah satu: %(pilihan)s.")
                % {"nilai": text, "kolom": nama_kolom, "pilihan": ", ".join(label_pilihan(choices))}
            )
        return hasil

    return parse


def teks_maks(maks: int, *, wajib=False):
    def parse(value):
        text = teks(value)
        if wajib and not text:
            raise ValidationError(_("Wajib diisi."))
        if len(text) > maks:
            raise ValidationError(
                _("Paling banyak %(n)s huruf (terisi %(isi)s).") % {"n": maks, "isi": len(text)}
            )
        return text

    return parse


def ya_tidak(value) -> bool:
    """Empty means ya."""
    text = kunci(teks(value))
    if text in ("", "ya", "y", "1", "true", "aktif"):
        return True
    if text in ("tidak", "t", "0", "false", "nonaktif", "tidakaktif"):
        return False
    raise ValidationError(_("Isi ya atau tidak."))


def bilangan_bulat(value) -> int:
    """A whole number 0 or more; empty is 0."""
    text = teks(value)
    if not text:
        return 0
    if not re.fullmatch(r"\d{1,9}", text):
        raise ValidationError(_("Harus bilangan bulat 0 atau lebih."))
    return int(text)


def angka(value) -> Decimal | None:
    """A number: a numeric cell as is, a text cell in Indonesian format (1.234,56) parsed strictly."""
    if kosong(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(_("Isi dengan angka."))
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(_("Isi dengan angka.")) from None
        if not number.is_finite():
            raise ValidationError(_("Isi dengan angka."))
        return number
    return parse_angka(str(value))


class Baris:
    """One data row; each parse records its errors under this row (and sheet) and the column."""

    GAGAL = object()

    def __init__(self, nomor: int, nilai: dict, galat: list, lembar: str = ""):
        self.nomor, self.nilai, self.galat, self.lembar = nomor, nilai, galat, lembar
        self.ok = True

    def ambil(self, kolom, parse):
        return self.cek(kolom, parse, self.nilai.get(kolom))

    def cek(self, kolom, fungsi, *args, **kwargs):
        """`fungsi(*args, **kwargs)`, its ValidationError recorded under `kolom`."""
        try:
            return fungsi(*args, **kwargs)
        except ValidationError as exc:
            for pesan in exc.messages:
                self.salah(kolom, pesan)
            return self.GAGAL

    def salah(self, kolom, pesan):
        self.ok = False
        self.galat.append(Galat(self.nomor, kolom, str(pesan), self.lembar))


def tanpa_penetral(value):
    """Undo sipd.excel.sel_aman: an exported "'=x" reads back as "=x", so export → import changes nothing."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


# Templates ---------------------------------------------------------------------------------------------

JUDUL_FILL = PatternFill("solid", fgColor="DDEBF7")


def isi_pilihan(kolom: Kolom) -> list[str]:
    """Dropdown values: Indonesian labels, which every language's import accepts."""
    if isinstance(kolom.pilihan, tuple):
        return list(kolom.pilihan)
    with translation.override("id"):
        return [str(label) for label in kolom.pilihan.labels]


def tulis_lembar_templat(sheet, kolom: Sequence[Kolom], rows, *, max_baris: int = MAX_BARIS) -> None:
    """A template sheet: the column names in bold on a frozen row 1, then `rows` (text made formula-safe);
    text columns formatted as Text, choice columns with a dropdown."""
    sheet.append([k.nama for k in kolom])
    n = 1
    for row in rows:
        sheet.append([sel_aman(v) for v in row])
        n += 1
    for i, k in enumerate(kolom, start=1):
        huruf = get_column_letter(i)
        sheet.cell(row=1, column=i).font = Font(bold=True)
        sheet.cell(row=1, column=i).fill = JUDUL_FILL
        sheet.column_dimensions[huruf].width = max(14, min(len(k.contoh) + 4, 60))
        if k.teks:
            sheet.column_dimensions[huruf].number_format = "@"
            for r in range(2, n + 1):
                sheet.cell(row=r, column=i).number_format = "@"
        if k.pilihan:
            validasi = DataValidation(
                type="list",
                formula1='"{}"'.format(",".join(isi_pilihan(k))),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=_("Isian tidak dikenal"),
                error=_("Pilih salah satu isian dari daftar."),
            )
            validasi.add(f"{huruf}2:{huruf}{max_baris + 1}")
            sheet.add_data_validation(validasi)
    sheet.freeze_panes = "A2"


def tulis_petunjuk(sheet, judul: str, catatan: Sequence[str], bagian: Sequence[tuple[str, Sequence[Kolom]]]):
    """The instructions sheet: a title, notes, then a table of every column (per sheet when `bagian` has
    several: [(sheet name or "", columns)])."""
    sheet.append([judul])
    sheet["A1"].font = Font(bold=True, size=13)
    for teks_catatan in catatan:
        sheet.append([str(teks_catatan)])
    for nama_lembar, kolom in bagian:
        sheet.append([])
        if nama_lembar:
            sheet.append([_("Lembar %(lembar)s") % {"lembar": nama_lembar}])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        sheet.append([_("Kolom"), _("Wajib diisi"), _("Keterangan"), _("Contoh")])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.fill = JUDUL_FILL
        for k in kolom:
            sheet.append([k.nama, _("ya") if k.wajib else _("tidak"), str(k.keterangan), k.contoh])
    for huruf, lebar in zip("ABCD", (22, 12, 100, 28), strict=True):
        sheet.column_dimensions[huruf].width = lebar
