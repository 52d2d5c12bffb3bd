"""Import of the OPD tree and pegawai from an Excel (.xlsx) or CSV file made from the downloadable template.

The whole file is checked before anything is written: every error is collected with the row and column the
user sees, and a single error means nothing is saved. A clean file is written in one transaction with bulk
queries. Rows are matched by kode (OPD), NIP (ASN) or NIK (non-ASN), so importing the same file twice
changes nothing; rows missing from the file are left alone.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

import openpyxl
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from opd.choices import JENIS_PERANGKAT_DAERAH, STATUS_ASN, Eselon, JenisOpd, StatusPegawai
from opd.models import Opd, Pegawai, PenugasanPeran
from opd.validators import parse_kode_unit, validate_urusan
from sipd import access
from sipd.formatting import format_angka, parse_angka
from sipd.validators import parse_nik, parse_nip

IMPOR_OPD, IMPOR_PEGAWAI = "opd", "pegawai"
JENIS_IMPOR = {IMPOR_OPD: gettext_lazy("Struktur OPD"), IMPOR_PEGAWAI: gettext_lazy("Pegawai")}
MODEL_IMPOR = {IMPOR_OPD: Opd, IMPOR_PEGAWAI: Pegawai}

MAX_BARIS = 20_000
MAX_KOLOM = 60
MAX_XLSX_TERURAI = 50 * 1024 * 1024  # zip bomb guard: total uncompressed size of the xlsx members
MAX_ANGGOTA_ZIP = 2_000
# One lock for both kinds: an OPD import moving a unit must not interleave with a pegawai import.
KUNCI_IMPOR = 7_320_001
BERKAS = "berkas"  # the "column" of errors about the file as a whole


# Columns -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    nama: str
    wajib: bool  # a value is required in every row
    keterangan: str
    contoh: str = ""
    pilihan: type | tuple = ()  # dropdown in the xlsx template: a TextChoices or the values
    teks: bool = False  # formatted as text in the xlsx template, so Excel keeps the digits


def _label(choices) -> tuple:
    return tuple(str(label) for label in choices.labels)


KOLOM = {
    IMPOR_OPD: (
        Kolom(
            "kode",
            True,
            gettext_lazy(
                "Kode unit SIPD, format X.XX.X.XX.X.XX.XX.XXXX. OPD dengan kode yang sama diperbarui, "
                "yang belum ada ditambahkan."
            ),
            "1.03.0.00.0.00.01.0000",
            teks=True,
        ),
        Kolom(
            "nama",
            True,
            gettext_lazy("Nama OPD atau unit, paling banyak 200 huruf."),
            "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
        ),
        Kolom("singkatan", False, gettext_lazy("Singkatan, paling banyak 40 huruf."), "DPUPR"),
        Kolom(
            "jenis",
            True,
            gettext_lazy(
                "Perangkat daerah: Sekretariat Daerah, Sekretariat DPRD, Inspektorat, Dinas, Badan, "
                "Kecamatan. Unit di bawah perangkat daerah: Kelurahan, UPTD, Bidang/Bagian."
            ),
            "Dinas",
            pilihan=JenisOpd,
        ),
        Kolom(
            "kode_induk",
            False,
            gettext_lazy(
                "Kode OPD induk: kosong untuk perangkat daerah, wajib untuk kelurahan, UPTD dan "
                "bidang/bagian. Induk boleh berada di baris mana pun di berkas ini atau sudah tersimpan."
            ),
            teks=True,
        ),
        Kolom(
            "urusan",
            False,
            gettext_lazy(
                "Urusan yang diampu, dipisah koma, misalnya 1.03, 1.04. Bila kosong, diambil dari kode unit."
            ),
            "1.03",
            teks=True,
        ),
        Kolom(
            "aktif", False, gettext_lazy("ya atau tidak; kosong berarti ya."), "ya", pilihan=("ya", "tidak")
        ),
        Kolom(
            "urutan",
            False,
            gettext_lazy("Nomor urut tampilan, bilangan bulat 0 atau lebih; kosong berarti 0."),
            "3",
        ),
        Kolom(
            "nip_kepala",
            False,
            gettext_lazy(
                "Kolom ini boleh tidak ada. NIP kepala definitif; pegawainya harus sudah diimpor dan "
                "tercatat di perangkat daerah tersebut. Kosong berarti kepala tidak diubah."
            ),
            teks=True,
        ),
    ),
    IMPOR_PEGAWAI: (
        Kolom(
            "nama",
            True,
            gettext_lazy("Nama lengkap dengan gelar, paling banyak 150 huruf."),
            "Ir. Bambang Wijaya",
        ),
        Kolom("status", True, gettext_lazy("PNS, PPPK atau Non-ASN."), "PNS", pilihan=StatusPegawai),
        Kolom(
            "nip",
            False,
            gettext_lazy(
                "Wajib untuk PNS dan PPPK: 18 digit; kosong untuk non-ASN. Pegawai ASN dicocokkan dengan "
                "NIP. Jenis kelamin dan tanggal lahir diambil dari NIP."
            ),
            "197806122005011003",
            teks=True,
        ),
        Kolom(
            "nik",
            False,
            gettext_lazy(
                "Wajib untuk non-ASN: 16 digit, misalnya 3215014907950001; boleh diisi untuk ASN. Pegawai "
                "non-ASN dicocokkan dengan NIK."
            ),
            teks=True,
        ),
        Kolom(
            "jabatan",
            False,
            gettext_lazy("Nama jabatan, paling banyak 200 huruf."),
            "Kepala Bidang Bina Marga",
        ),
        Kolom(
            "eselon",
            False,
            gettext_lazy("II.a sampai IV.b, atau kosong. Hanya untuk ASN."),
            "III.a",
            pilihan=Eselon,
        ),
        Kolom(
            "kode_opd",
            True,
            gettext_lazy(
                "Kode perangkat daerah tempat pegawai tercatat (bukan kode bidang atau UPTD). OPD harus "
                "sudah diimpor."
            ),
            "1.03.0.00.0.00.01.0000",
            teks=True,
        ),
        Kolom(
            "kode_unit",
            False,
            gettext_lazy(
                "Boleh kosong. Kode bidang, UPTD atau kelurahan di bawah perangkat daerah tersebut."
            ),
            teks=True,
        ),
        Kolom(
            "upah_bpjs",
            False,
            gettext_lazy(
                "Hanya non-ASN: upah per bulan yang dilaporkan ke BPJS Ketenagakerjaan, misalnya 2000000, "
                "2.000.000 atau Rp2.000.000. Kosong untuk PNS dan PPPK."
            ),
        ),
        Kolom(
            "aktif", False, gettext_lazy("ya atau tidak; kosong berarti ya."), "ya", pilihan=("ya", "tidak")
        ),
    ),
}
# Columns the header may leave out; every other column of the template must be there.
KOLOM_BOLEH_TIDAK_ADA = {IMPOR_OPD: frozenset({"nip_kepala"}), IMPOR_PEGAWAI: frozenset()}


# Errors and result -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Galat:
    baris: int  # row number as the user sees it in the sheet; 0 = the file as a whole
    kolom: str
    pesan: str

    def __str__(self):
        if not self.baris:
            return self.pesan
        return _("Baris %(baris)s, kolom %(kolom)s: %(pesan)s") % vars(self)


class ImporGagal(Exception):
    """The file was refused; `galat` lists every error, by row and then by the template's column order."""

    def __init__(self, galat, urutan_kolom=()):
        order = {nama: i for i, nama in enumerate(urutan_kolom)}
        self.galat = sorted(galat, key=lambda g: (g.baris, order.get(g.kolom, len(order))))
        super().__init__("; ".join(str(g) for g in self.galat[:5]))


@dataclass(frozen=True)
class HasilImpor:
    jenis: str
    dibuat: int
    diubah: int
    tetap: int

    def __str__(self):
        return _(
            "Impor %(jenis)s selesai: %(dibuat)s baru, %(diubah)s diperbarui, %(tetap)s tidak berubah."
        ) % {
            "jenis": JENIS_IMPOR[self.jenis],
            "dibuat": format_angka(self.dibuat, 0),
            "diubah": format_angka(self.diubah, 0),
            "tetap": format_angka(self.tetap, 0),
        }


def _gagal(pesan, baris=0, kolom=BERKAS):
    return ImporGagal([Galat(baris, kolom, pesan)])


# Reading the file --------------------------------------------------------------------------------------


@dataclass
class Tabel:
    baris_judul: int
    baris: list  # [(row number, {column: raw value})]
    galat: list


def baca_berkas(file, jenis: str) -> Tabel:
    """Rows of an .xlsx or .csv upload, the type checked by content; raises ImporGagal for a bad file."""
    nama = (getattr(file, "name", "") or "").lower()
    batas = settings.SIPD_UPLOAD_MAX_BYTES
    mb = format_angka(batas / 1024 / 1024, 0)
    if not nama.endswith((".xlsx", ".csv")):
        raise _gagal(_("Hanya berkas Excel (.xlsx) atau CSV (.csv) yang dapat diimpor."))
    if (getattr(file, "size", None) or 0) > batas:
        raise _gagal(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": mb})
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(batas + 1)
    if len(data) > batas:
        raise _gagal(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": mb})
    rows = _baris_xlsx(data) if nama.endswith(".xlsx") else _baris_csv(data)
    return _tabel(rows, jenis)


def _baris_xlsx(data: bytes) -> list:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _gagal(_("Berkas ini format Excel lama (.xls). Simpan ulang sebagai .xlsx atau CSV UTF-8."))
    bukan_xlsx = _("Berkas bernama .xlsx tetapi isinya bukan berkas Excel (.xlsx).")
    if not data.startswith(b"PK\x03\x04"):
        raise _gagal(bukan_xlsx)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            anggota = arsip.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _gagal(bukan_xlsx) from None
    if not any(a.filename == "xl/workbook.xml" for a in anggota):
        raise _gagal(bukan_xlsx)
    # zipfile never inflates a member past its declared size, so the declared sizes bound the real ones.
    if len(anggota) > MAX_ANGGOTA_ZIP or sum(a.file_size for a in anggota) > MAX_XLSX_TERURAI:
        raise _gagal(
            _("Isi berkas Excel lebih dari %(mb)s MB setelah dibuka. Bagi menjadi beberapa berkas.")
            % {"mb": MAX_XLSX_TERURAI // 1024 // 1024}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not workbook.worksheets:
                    raise _gagal(_("Berkas Excel tidak berisi lembar kerja."))
                sheet = workbook.worksheets[0]
                return _batasi(enumerate(sheet.iter_rows(max_col=MAX_KOLOM, values_only=True), start=1))
            finally:
                workbook.close()
    except ImporGagal:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise _gagal(
            _("Berkas Excel rusak atau tidak dapat dibaca. Simpan ulang dari Excel lalu coba lagi.")
        ) from None


def _baris_csv(data: bytes) -> list:
    if data.startswith(b"PK\x03\x04") or b"\x00" in data:
        raise _gagal(_("Berkas bernama .csv tetapi isinya bukan teks CSV."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _gagal(
            _("Berkas CSV harus berupa teks UTF-8. Di Excel pilih Simpan Sebagai → CSV UTF-8 (dipisah koma).")
        ) from None
    judul = next((line for line in text.splitlines() if line.strip()), "")
    try:
        pemisah = csv.Sniffer().sniff(judul, delimiters=";,").delimiter
    except csv.Error:
        pemisah = ";" if judul.count(";") > judul.count(",") else ","
    try:
        return _batasi(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=pemisah), start=1))
    except csv.Error as exc:
        raise _gagal(_("Berkas CSV tidak dapat dibaca: %(galat)s") % {"galat": exc}) from None


def _kosong(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _batasi(rows) -> list:
    """The rows as a list, refusing more than MAX_BARIS filled rows (plus the header)."""
    out, terisi = [], 0
    for nomor, row in rows:
        if any(not _kosong(v) for v in row[:MAX_KOLOM]):
            terisi += 1
            if terisi > MAX_BARIS + 1:
                raise _gagal(
                    _("Berkas berisi lebih dari %(n)s baris data. Bagi menjadi beberapa berkas.")
                    % {"n": format_angka(MAX_BARIS, 0)}
                )
            out.append((nomor, tuple(row[:MAX_KOLOM])))
    return out


def _nama_kolom(value) -> str:
    return re.sub(r"[\s\-]+", "_", _teks(value).lower()).strip("*_")


def _tabel(rows: list, jenis: str) -> Tabel:
    if not rows:
        raise _gagal(_("Berkas kosong."))
    kolom = KOLOM[jenis]
    dikenal = {k.nama for k in kolom}
    baris_judul, judul = rows[0]
    names = [_nama_kolom(v) for v in judul]
    galat = []
    for nama, jumlah in Counter(n for n in names if n).items():
        if nama not in dikenal:
            galat.append(
                Galat(baris_judul, nama, _("Kolom tidak dikenal. Gunakan judul kolom dari templat."))
            )
        elif jumlah > 1:
            galat.append(Galat(baris_judul, nama, _("Kolom ini muncul lebih dari sekali.")))
    for k in kolom:
        if k.nama not in names and k.nama not in KOLOM_BOLEH_TIDAK_ADA[jenis]:
            galat.append(Galat(baris_judul, k.nama, _("Kolom wajib ini tidak ada di baris judul.")))
    if galat:
        for lain, kolom_lain in KOLOM.items():
            if lain != jenis and {k.nama for k in kolom_lain if k.wajib} <= set(names):
                pesan = _("Ini berkas %(lain)s, bukan %(jenis)s. Pilih jenis impor yang sesuai.")
                raise _gagal(pesan % {"lain": JENIS_IMPOR[lain], "jenis": JENIS_IMPOR[jenis]})
        raise ImporGagal(galat, [k.nama for k in kolom])
    if len(rows) == 1:
        raise _gagal(_("Berkas tidak berisi baris data di bawah judul kolom."))
    posisi = {nama: i for i, nama in enumerate(names) if nama}
    data, galat = [], []
    for nomor, row in rows[1:]:
        nilai = {nama: (row[i] if i < len(row) else None) for nama, i in posisi.items()}
        if any(not _kosong(v) for i, v in enumerate(row) if i >= len(names) or not names[i]):
            galat.append(Galat(nomor, "–", _("Ada isian di kolom yang tidak berjudul.")))
        data.append((nomor, nilai))
    return Tabel(baris_judul, data, galat)


# Cell parsers: raw value from openpyxl or csv → Python value, or ValidationError with an Indonesian message.


def _teks(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return " ".join(str(value).split())


def _kunci(text) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def _peta_pilihan(choices, **alias) -> dict:
    """Accepted spellings of each choice: its value and its label (Indonesian and current language)."""
    peta = {_kunci(k): v for k, v in alias.items()}
    with translation.override("id"):
        peta.update({_kunci(label): value for value, label in choices.choices})
    peta.update({_kunci(label): value for value, label in choices.choices})
    peta.update({_kunci(value): value for value in choices.values})
    return peta


def _pilihan(choices, nama_kolom, **alias):
    peta = {}

    def parse(value):
        text = _teks(value)
        if not text:
            raise ValidationError(_("Wajib diisi."))
        if not peta:
            peta.update(_peta_pilihan(choices, **alias))
        hasil = peta.get(_kunci(text))
        if hasil is None:
            raise ValidationError(
                _("%(nilai)s bukan %(kolom)s yang dikenal. Pilih salah satu: %(pilihan)s.")
                % {"nilai": text, "kolom": nama_kolom, "pilihan": ", ".join(_label(choices))}
            )
        return hasil

    return parse


def _teks_maks(maks: int, *, wajib=False):
    def parse(value):
        text = _teks(value)
        if wajib and not text:
            raise ValidationError(_("Wajib diisi."))
        if len(text) > maks:
            raise ValidationError(
                _("Paling banyak %(n)s huruf (terisi %(isi)s).") % {"n": maks, "isi": len(text)}
            )
        return text

    return parse


def _kode(value) -> str:
    text = _teks(value)
    if not text:
        raise ValidationError(_("Wajib diisi."))
    parse_kode_unit(text)
    return text


def _ya_tidak(value) -> bool:
    text = _kunci(_teks(value))
    if text in ("", "ya", "y", "1", "true", "aktif"):
        return True
    if text in ("tidak", "t", "0", "false", "nonaktif", "tidakaktif"):
        return False
    raise ValidationError(_("Isi ya atau tidak."))


def _urutan(value) -> int:
    text = _teks(value)
    if not text:
        return 0
    if not re.fullmatch(r"\d{1,9}", text):
        raise ValidationError(_("Harus bilangan bulat 0 atau lebih."))
    return int(text)


def _urusan(value) -> list:
    if isinstance(value, float):
        raise ValidationError(
            _("Tersimpan sebagai angka di Excel; format kolom urusan sebagai Teks lalu ketik ulang.")
        )
    hasil = []
    for kode in re.split(r"[,;\s]+", _teks(value)):
        if kode:
            validate_urusan(kode)
            if kode not in hasil:
                hasil.append(kode)
    return hasil


def _nomor_identitas(nama: str):
    """NIP/NIK as a digit string: spaces dropped; a number Excel has rounded (a float) refused."""

    def parse(value):
        if isinstance(value, float):
            raise ValidationError(
                _("%(nama)s tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang. Format kolom "
                  "sebagai Teks lalu ketik ulang.") % {"nama": nama}
            )  # fmt: skip
        return _teks(value).replace(" ", "")

    return parse


def _upah(value) -> int | None:
    if _kosong(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(_("Isi upah dalam rupiah, misalnya 2.000.000."))
    number = Decimal(str(value)) if isinstance(value, int | float | Decimal) else parse_angka(str(value))
    if number is None:
        return None
    if number < 0 or number != number.to_integral_value() or number > 10**12:
        raise ValidationError(_("Upah harus rupiah bulat, tidak negatif, misalnya 2.000.000."))
    return int(number)


class _Baris:
    """One data row; each parse records its errors under this row and the column."""

    GAGAL = object()

    def __init__(self, nomor: int, nilai: dict, galat: list):
        self.nomor, self.nilai, self.galat = nomor, nilai, galat
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
        self.galat.append(Galat(self.nomor, kolom, str(pesan)))


def _akar(induk: dict) -> tuple[dict, set]:
    """Root of every node of a child → parent map; nodes on a cycle returned apart (they and those below
    them have no root). A parent that is not a key ends the walk as if it were a root's None."""
    akar, buntu, siklus = {}, set(), set()
    for start in induk:
        path, on_path, node = [], set(), start
        while node is not None and node not in akar and node not in buntu and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = induk.get(node)
        if node in on_path:
            siklus.update(path[path.index(node) :])
            root = None
        elif node is None:
            root = path[-1] if path else None
        else:
            root = akar.get(node)
        for n in path:
            if root is None:
                buntu.add(n)
            else:
                akar[n] = root
    return akar, siklus


# OPD ---------------------------------------------------------------------------------------------------


@dataclass
class BarisOpd:
    nomor: int
    kode: str
    nama: str
    singkatan: str
    jenis: str
    kode_induk: str | None
    urusan: list
    aktif: bool
    urutan: int
    nip_kepala: str | None  # None: the head is left as is


@dataclass
class DataOpd:
    """What the OPD check needs from the database, loaded by the service."""

    opd: dict  # kode → Opd
    kepala: dict  # NIP → {"pk", "nama", "opd_id", "aktif"}
    pegawai_per_opd: Counter
    pegawai_per_unit: Counter
    peran_per_opd: Counter


def _nip_kepala(value) -> str | None:
    nip = _nomor_identitas("NIP")(value)
    if nip:
        parse_nip(nip, pppk=True)
    return nip or None


def periksa_opd(tabel: Tabel, data: DataOpd) -> tuple[list[BarisOpd], list[Galat]]:
    """Every row parsed and the tree as a whole checked; no database access."""
    galat = list(tabel.galat)
    rencana: list[BarisOpd] = []
    baris_kode: dict[str, int] = {}
    baris_kepala: dict[str, int] = {}
    jenis_pilihan = _pilihan(JenisOpd, "jenis", bagian=JenisOpd.BIDANG)
    for nomor, nilai in tabel.baris:
        row = _Baris(nomor, nilai, galat)
        kode = row.ambil("kode", _kode)
        if kode in baris_kode:
            row.salah("kode", _("Kode ini sudah ada di baris %(baris)s.") % {"baris": baris_kode[kode]})
        elif kode is not row.GAGAL:
            baris_kode[kode] = nomor
        nama = row.ambil("nama", _teks_maks(200, wajib=True))
        singkatan = row.ambil("singkatan", _teks_maks(40))
        jenis = row.ambil("jenis", jenis_pilihan)
        kode_induk = _teks(nilai.get("kode_induk")) or None
        urusan = row.ambil("urusan", _urusan)
        if urusan == [] and kode is not row.GAGAL:
            urusan = parse_kode_unit(kode)["urusan"]
        aktif = row.ambil("aktif", _ya_tidak)
        urutan = row.ambil("urutan", _urutan)
        nip_kepala = row.ambil("nip_kepala", _nip_kepala)
        if nip_kepala in baris_kepala:
            pesan = _("NIP ini sudah menjadi kepala di baris %(baris)s.")
            row.salah("nip_kepala", pesan % {"baris": baris_kepala[nip_kepala]})
        elif nip_kepala and nip_kepala is not row.GAGAL:
            baris_kepala[nip_kepala] = nomor
            if nip_kepala not in data.kepala:
                pesan = _(
                    "Belum ada pegawai dengan NIP ini. Impor pegawai lebih dulu, lalu impor ulang berkas OPD."
                )
                row.salah("nip_kepala", pesan)
            elif not data.kepala[nip_kepala]["aktif"]:
                row.salah("nip_kepala", _("Pegawai dengan NIP ini tidak aktif."))
        if jenis is not row.GAGAL:
            label = {"jenis": JenisOpd(jenis).label}
            if jenis in JENIS_PERANGKAT_DAERAH and kode_induk:
                pesan = _("%(jenis)s adalah perangkat daerah sehingga tidak berinduk; kosongkan kode_induk.")
                row.salah("kode_induk", pesan % label)
            elif jenis not in JENIS_PERANGKAT_DAERAH and not kode_induk:
                pesan = _("%(jenis)s wajib berinduk; isi kode OPD atau unit di atasnya.")
                row.salah("kode_induk", pesan % label)
        if kode_induk and kode_induk == kode:
            row.salah("kode_induk", _("Kode induk tidak boleh sama dengan kode OPD itu sendiri."))
        if row.ok:
            rencana.append(
                BarisOpd(nomor, kode, nama, singkatan, jenis, kode_induk, urusan, aktif, urutan, nip_kepala)
            )
    dikenal = set(baris_kode) | set(data.opd)
    pohon = []
    for b in rencana:
        if b.kode_induk and b.kode_induk not in dikenal:
            pesan = _("Kode induk %(kode)s tidak ada di berkas ini maupun di data tersimpan.")
            galat.append(Galat(b.nomor, "kode_induk", pesan % {"kode": b.kode_induk}))
        else:
            pohon.append(b)
    # Rows with errors are left out of the tree; a unit under such a row then has an unknown root, skipped.
    galat.extend(_periksa_pohon(pohon, data))
    return rencana, galat


def _periksa_pohon(rencana: list[BarisOpd], data: DataOpd) -> list[Galat]:
    """The tree after the import: no cycles, no staff left in a unit that moves to another OPD, and heads
    who belong to the OPD they lead."""
    galat = []
    kode_pk = {o.pk: kode for kode, o in data.opd.items()}
    induk_lama = {kode: kode_pk.get(o.induk_id) for kode, o in data.opd.items()}
    induk_baru = {**induk_lama, **{b.kode: b.kode_induk for b in rencana}}
    akar_lama, _siklus = _akar(induk_lama)
    akar_baru, siklus = _akar(induk_baru)
    per_kode = {b.kode: b for b in rencana}
    for b in rencana:
        if b.kode in siklus:
            rantai, node = [b.kode], induk_baru[b.kode]
            while node != b.kode:
                rantai.append(node)
                node = induk_baru[node]
            pesan = _("Kode induk membentuk lingkaran: %(rantai)s.")
            galat.append(Galat(b.nomor, "kode_induk", pesan % {"rantai": " → ".join([*rantai, b.kode])}))

    def dikenal(akar):
        return akar is not None and (akar in data.opd or akar in per_kode)

    for kode, o in data.opd.items():
        if not dikenal(akar_baru.get(kode)) or akar_baru[kode] == akar_lama.get(kode):
            continue
        node = kode  # the row of the file that moves this OPD: itself or the nearest ancestor in the file
        while node not in per_kode:
            node = induk_baru[node]
        nomor = per_kode[node].nomor
        if o.induk_id is None and (data.pegawai_per_opd[o.pk] or data.peran_per_opd[o.pk]):
            pesan = _(
                "Perangkat daerah ini masih tempat %(n)s pegawai dan %(m)s peran pengguna, jadi tidak dapat "
                "dijadikan unit di bawah OPD lain."
            )
            n, m = data.pegawai_per_opd[o.pk], data.peran_per_opd[o.pk]
            galat.append(Galat(nomor, "jenis", pesan % {"n": n, "m": m}))
        if data.pegawai_per_unit[o.pk]:
            pesan = _(
                "Unit %(nama)s (%(kode)s) masih ditempati %(n)s pegawai dan akan pindah ke perangkat daerah "
                "lain. Pindahkan pegawainya lebih dulu lewat impor pegawai."
            )
            args = {"nama": o.nama, "kode": kode, "n": data.pegawai_per_unit[o.pk]}
            galat.append(Galat(nomor, "kode_induk", pesan % args))

    for b in rencana:
        pegawai = data.kepala.get(b.nip_kepala) if b.nip_kepala else None
        akar = akar_baru.get(b.kode)
        if pegawai is None or not dikenal(akar):
            continue
        opd_akar = data.opd.get(akar)
        if opd_akar is None or opd_akar.pk != pegawai["opd_id"]:
            nama_akar = per_kode[akar].nama if akar in per_kode else opd_akar.nama
            pesan = _("%(pegawai)s tidak tercatat di %(opd)s. Pindahkan dulu lewat impor pegawai.")
            galat.append(Galat(b.nomor, "nip_kepala", pesan % {"pegawai": pegawai["nama"], "opd": nama_akar}))
    return galat


def _tingkat(induk: dict) -> dict:
    """Depth of each key of a child → parent map, counting only parents that are keys too."""
    tingkat = {}
    for start in induk:
        path, node = [], start
        while node in induk and node not in tingkat:
            path.append(node)
            node = induk[node]
        depth = tingkat.get(node, -1)
        for n in reversed(path):
            depth += 1
            tingkat[n] = depth
    return tingkat


def _simpan_opd(rencana: list[BarisOpd], data: DataOpd) -> HasilImpor:
    now = timezone.now()
    pk = {kode: o.pk for kode, o in data.opd.items()}

    def nilai(b: BarisOpd, kepala_id):
        return {
            "nama": b.nama, "singkatan": b.singkatan, "jenis": b.jenis, "urusan": b.urusan, "aktif": b.aktif,
            "urutan": b.urutan, "kepala_id": data.kepala[b.nip_kepala]["pk"] if b.nip_kepala else kepala_id,
        }  # fmt: skip

    baru = {b.kode: b for b in rencana if b.kode not in data.opd}
    tingkat = _tingkat({kode: b.kode_induk for kode, b in baru.items()})
    # A new unit may name a parent that is new too (anywhere in the file): insert one depth level at a time.
    for depth in sorted(set(tingkat.values())):
        objs = [
            Opd(kode=b.kode, induk_id=pk.get(b.kode_induk), **nilai(b, None))
            for b in baru.values()
            if tingkat[b.kode] == depth
        ]
        Opd.objects.bulk_create(objs, batch_size=1000)
        pk.update({o.kode: o.pk for o in objs})

    berubah = []
    for b in rencana:
        o = data.opd.get(b.kode)
        if o is None:
            continue
        target = {**nilai(b, o.kepala_id), "induk_id": pk.get(b.kode_induk)}
        if any(getattr(o, f) != v for f, v in target.items()):
            for f, v in target.items():
                setattr(o, f, v)
            o.diubah = now
            berubah.append(o)
    fields = ["nama", "singkatan", "jenis", "induk", "urusan", "aktif", "urutan", "kepala", "diubah"]
    Opd.objects.bulk_update(berubah, fields, batch_size=500)
    return HasilImpor(IMPOR_OPD, len(baru), len(berubah), len(rencana) - len(baru) - len(berubah))


# Pegawai -----------------------------------------------------------------------------------------------


@dataclass
class BarisPegawai:
    nomor: int
    pegawai: Pegawai | None  # the stored row it updates
    nilai: dict  # model field → value


@dataclass
class DataPegawai:
    opd: dict  # kode → Opd (every OPD and unit)
    per_nip: dict  # NIP → Pegawai, the stored staff whose NIP or NIK is in the file
    per_nik: dict


def periksa_pegawai(tabel: Tabel, data: DataPegawai) -> tuple[list[BarisPegawai], list[Galat]]:
    """Every row parsed and matched to a stored pegawai by NIP (ASN) or NIK (non-ASN); no database access."""
    galat = list(tabel.galat)
    rencana: list[BarisPegawai] = []
    kode_pk = {o.pk: kode for kode, o in data.opd.items()}
    akar, _siklus = _akar({kode: kode_pk.get(o.induk_id) for kode, o in data.opd.items()})
    baris_nip: dict[str, int] = {}
    baris_nik: dict[str, int] = {}
    baris_pegawai: dict[int, int] = {}
    status_pilihan = _pilihan(StatusPegawai, "status", honorer=StatusPegawai.NON_ASN)
    eselon_pilihan = _pilihan(Eselon, "eselon")
    for nomor, nilai in tabel.baris:
        row = _Baris(nomor, nilai, galat)
        nama = row.ambil("nama", _teks_maks(150, wajib=True))
        status = row.ambil("status", status_pilihan)
        nip = row.ambil("nip", _nomor_identitas("NIP"))
        nik = row.ambil("nik", _nomor_identitas("NIK"))
        jabatan = row.ambil("jabatan", _teks_maks(200))
        eselon = row.ambil("eselon", lambda v: eselon_pilihan(v) if _teks(v) else "")
        upah = row.ambil("upah_bpjs", _upah)
        aktif = row.ambil("aktif", _ya_tidak)
        asn = status in STATUS_ASN
        identitas = {}
        if nik and nik is not row.GAGAL:
            identitas = row.cek("nik", parse_nik, nik)
            if nik in baris_nik:
                row.salah("nik", _("NIK ini sudah ada di baris %(baris)s.") % {"baris": baris_nik[nik]})
            baris_nik.setdefault(nik, nomor)
        if nip and nip is not row.GAGAL:
            if asn:
                identitas = row.cek("nip", parse_nip, nip, pppk=status == StatusPegawai.PPPK)
            if nip in baris_nip:
                row.salah("nip", _("NIP ini sudah ada di baris %(baris)s.") % {"baris": baris_nip[nip]})
            baris_nip.setdefault(nip, nomor)
        if status is not row.GAGAL:
            label = {"status": StatusPegawai(status).label}
            if asn and not nip:
                row.salah("nip", _("Pegawai %(status)s wajib ber-NIP.") % label)
            if not asn and nip:
                row.salah("nip", _("Pegawai non-ASN tidak ber-NIP; kosongkan kolom nip."))
            if not asn and not nik:
                row.salah("nik", _("Pegawai non-ASN wajib ber-NIK."))
            if asn and upah not in (None, row.GAGAL):
                pesan = _(
                    "Upah BPJS Ketenagakerjaan hanya untuk non-ASN (%(status)s dijamin Taspen); kosongkan."
                )
                row.salah("upah_bpjs", pesan % label)
            if not asn and eselon not in ("", row.GAGAL):
                row.salah("eselon", _("Eselon hanya untuk ASN; kosongkan untuk non-ASN."))
        opd_id, unit_id = _periksa_tempat(row, data.opd, akar)
        pegawai = None
        if row.ok:
            pegawai = _cocokkan(row, data, nip, nik, asn)
        if pegawai is not None and pegawai.pk in baris_pegawai:
            pesan = _("Baris ini dan baris %(baris)s menunjuk pegawai yang sama (%(nama)s).")
            row.salah(
                "nip" if asn else "nik", pesan % {"baris": baris_pegawai[pegawai.pk], "nama": pegawai.nama}
            )
        if not row.ok:
            continue
        if pegawai is not None:
            baris_pegawai[pegawai.pk] = nomor
        fields = {
            "nama": nama, "status": status, "nip": nip or None,
            "nik": nik or (pegawai.nik if pegawai is not None else None),
            "jenis_kelamin": identitas["jenis_kelamin"], "tanggal_lahir": identitas["tanggal_lahir"],
            "jabatan": jabatan, "eselon": eselon, "opd_id": opd_id, "unit_id": unit_id,
            "upah_bpjs": None if asn else upah, "aktif": aktif,
        }  # fmt: skip
        rencana.append(BarisPegawai(nomor, pegawai, fields))
    return rencana, galat


def _periksa_tempat(row: _Baris, opd: dict, akar: dict) -> tuple[int | None, int | None]:
    kode_opd, kode_unit = _teks(row.nilai.get("kode_opd")), _teks(row.nilai.get("kode_unit"))
    induk = opd.get(kode_opd)
    if not kode_opd:
        row.salah("kode_opd", _("Wajib diisi."))
    elif induk is None:
        pesan = _("Perangkat daerah %(kode)s belum terdaftar. Impor OPD lebih dulu.")
        row.salah("kode_opd", pesan % {"kode": kode_opd})
    elif induk.induk_id is not None:
        pesan = _(
            "%(kode)s adalah unit (%(jenis)s), bukan perangkat daerah. Isi kode_opd dengan kode perangkat "
            "daerahnya dan kode ini di kode_unit."
        )
        row.salah("kode_opd", pesan % {"kode": kode_opd, "jenis": induk.get_jenis_display()})
        induk = None
    if not kode_unit:
        return (induk.pk if induk else None), None
    unit = opd.get(kode_unit)
    if unit is None:
        row.salah("kode_unit", _("Unit %(kode)s belum terdaftar.") % {"kode": kode_unit})
    elif kode_unit == kode_opd:
        row.salah("kode_unit", _("Sama dengan kode_opd; kosongkan bila pegawai tidak di unit tertentu."))
    elif induk is not None and akar.get(kode_unit) != kode_opd:
        pesan = _("Unit %(unit)s tidak berada di bawah %(opd)s.")
        row.salah("kode_unit", pesan % {"unit": unit.nama, "opd": induk.nama})
    return (induk.pk if induk else None), (unit.pk if unit else None)


def _cocokkan(row: _Baris, data: DataPegawai, nip: str, nik: str, asn: bool) -> Pegawai | None:
    """The stored pegawai this row updates: by NIP for ASN (or by NIK, for a non-ASN newly appointed ASN),
    by NIK for non-ASN. A NIK held by someone else is an error."""
    milik_nik = data.per_nik.get(nik) if nik else None
    if not asn:
        if milik_nik is not None and milik_nik.nip:
            pesan = _("NIK ini milik pegawai ASN %(nama)s; status ASN tidak diubah lewat impor.")
            row.salah("status", pesan % {"nama": milik_nik.nama})
        return milik_nik
    pegawai = data.per_nip.get(nip)
    if milik_nik is None or milik_nik is pegawai:
        return pegawai
    if pegawai is None and not milik_nik.nip:
        return milik_nik
    row.salah("nik", _("NIK ini sudah dipakai pegawai lain (%(nama)s).") % {"nama": milik_nik.nama})
    return pegawai


def _simpan_pegawai(rencana: list[BarisPegawai]) -> HasilImpor:
    now = timezone.now()
    baru = [Pegawai(**b.nilai) for b in rencana if b.pegawai is None]
    Pegawai.objects.bulk_create(baru, batch_size=1000)
    berubah = []
    for b in rencana:
        p = b.pegawai
        if p is not None and any(getattr(p, f) != v for f, v in b.nilai.items()):
            for f, v in b.nilai.items():
                setattr(p, f, v)
            p.diubah = now
            berubah.append(p)
    fields = ["nama", "status", "nip", "nik", "jenis_kelamin", "tanggal_lahir", "jabatan", "eselon", "opd"]
    fields += ["unit", "upah_bpjs", "aktif", "diubah"]
    Pegawai.objects.bulk_update(berubah, fields, batch_size=500)
    return HasilImpor(IMPOR_PEGAWAI, len(baru), len(berubah), len(rencana) - len(baru) - len(berubah))


# Services ----------------------------------------------------------------------------------------------


def boleh_impor(user, jenis: str) -> bool:
    model = MODEL_IMPOR[jenis]
    return access.can_any(user, access.ADD, model) and access.can_any(user, access.CHANGE, model)


def jenis_yang_boleh(user) -> list[str]:
    return [jenis for jenis in JENIS_IMPOR if boleh_impor(user, jenis)]


def _kunci_impor():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [KUNCI_IMPOR])


def _nilai_kolom(tabel: Tabel, kolom: str, parse) -> set:
    found = set()
    for _nomor, nilai in tabel.baris:
        try:
            value = parse(nilai.get(kolom))
        except ValidationError:
            continue
        if value:
            found.add(value)
    return found


@transaction.atomic
def impor_opd(*, user, file) -> HasilImpor:
    """Import the OPD tree (Admin only). Raises ImporGagal listing every error, and then writes nothing."""
    if not boleh_impor(user, IMPOR_OPD):
        raise PermissionDenied
    tabel = baca_berkas(file, IMPOR_OPD)
    _kunci_impor()
    nips = _nilai_kolom(tabel, "nip_kepala", _nomor_identitas("NIP"))
    per_pasangan = Pegawai.objects.order_by().values_list("opd_id", "unit_id").annotate(n=Count("pk"))
    pegawai_per_opd, pegawai_per_unit = Counter(), Counter()
    for opd_id, unit_id, n in per_pasangan:
        pegawai_per_opd[opd_id] += n
        if unit_id:
            pegawai_per_unit[unit_id] += n
    kepala = Pegawai.objects.filter(nip__in=nips).values("pk", "nip", "nama", "opd_id", "aktif")
    peran = PenugasanPeran.objects.filter(opd__isnull=False).order_by().values_list("opd_id")
    data = DataOpd(
        opd={o.kode: o for o in Opd.objects.all()},
        kepala={p["nip"]: p for p in kepala} if nips else {},
        pegawai_per_opd=pegawai_per_opd,
        pegawai_per_unit=pegawai_per_unit,
        peran_per_opd=Counter(dict(peran.annotate(Count("pk")))),
    )
    rencana, galat = periksa_opd(tabel, data)
    if galat:
        raise ImporGagal(galat, [k.nama for k in KOLOM[IMPOR_OPD]])
    return _simpan_opd(rencana, data)


@transaction.atomic
def impor_pegawai(*, user, file) -> HasilImpor:
    """Import pegawai (Admin, Kepegawaian). Raises ImporGagal listing every error, and then writes nothing."""
    if not boleh_impor(user, IMPOR_PEGAWAI):
        raise PermissionDenied
    tabel = baca_berkas(file, IMPOR_PEGAWAI)
    _kunci_impor()
    nips = _nilai_kolom(tabel, "nip", _nomor_identitas("NIP"))
    niks = _nilai_kolom(tabel, "nik", _nomor_identitas("NIK"))
    tersimpan = list(Pegawai.objects.filter(Q(nip__in=nips) | Q(nik__in=niks)))
    data = DataPegawai(
        opd={o.kode: o for o in Opd.objects.only("pk", "kode", "nama", "jenis", "induk_id")},
        per_nip={p.nip: p for p in tersimpan if p.nip},
        per_nik={p.nik: p for p in tersimpan if p.nik},
    )
    rencana, galat = periksa_pegawai(tabel, data)
    if galat:
        raise ImporGagal(galat, [k.nama for k in KOLOM[IMPOR_PEGAWAI]])
    return _simpan_pegawai(rencana)


# Templates ---------------------------------------------------------------------------------------------

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
