"""Columns of the OPD and pegawai templates, the reading of an upload, and the cells only they have.

The generic spreadsheet reading and cell parsers live in sipd/spreadsheet.py.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opd.choices import Eselon, JenisOpd, StatusPegawai
from opd.models import Opd, Pegawai
from opd.validators import parse_kode_unit, validate_urusan
from sipd import access
from sipd import spreadsheet as ss
from sipd.formatting import parse_angka
from sipd.spreadsheet import Kolom, Tabel

IMPOR_OPD, IMPOR_PEGAWAI = "opd", "pegawai"
JENIS_IMPOR = {IMPOR_OPD: gettext_lazy("Struktur OPD"), IMPOR_PEGAWAI: gettext_lazy("Pegawai")}
MODEL_IMPOR = {IMPOR_OPD: Opd, IMPOR_PEGAWAI: Pegawai}
# One lock for both kinds: an OPD import moving a unit must not interleave with a pegawai import.
KUNCI_IMPOR = 7_320_001


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


def baca_berkas(file, jenis: str) -> Tabel:
    """The template's table of an .xlsx or .csv upload; raises ImporGagal for a bad file or header."""

    def jenis_lain(names):
        for lain, kolom_lain in KOLOM.items():
            if lain != jenis and {k.nama for k in kolom_lain if k.wajib} <= set(names):
                pesan = _("Ini berkas %(lain)s, bukan %(jenis)s. Pilih jenis impor yang sesuai.")
                raise ss.gagal(pesan % {"lain": JENIS_IMPOR[lain], "jenis": JENIS_IMPOR[jenis]})

    rows = ss.baca_berkas(file)[ss.PERTAMA]
    return ss.tabel(rows, KOLOM[jenis], boleh_tidak_ada=KOLOM_BOLEH_TIDAK_ADA[jenis], judul_salah=jenis_lain)


# Cells only these templates have -----------------------------------------------------------------------


def _kode(value) -> str:
    text = ss.teks(value)
    if not text:
        raise ValidationError(_("Wajib diisi."))
    parse_kode_unit(text)
    return text


def _urusan(value) -> list:
    if isinstance(value, float):
        raise ValidationError(
            _("Tersimpan sebagai angka di Excel; format kolom urusan sebagai Teks lalu ketik ulang.")
        )
    hasil = []
    for kode in re.split(r"[,;\s]+", ss.teks(value)):
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
        return ss.teks(value).replace(" ", "")

    return parse


def _upah(value) -> int | None:
    if ss.kosong(value):
        return None
    if isinstance(value, bool):
        raise ValidationError(_("Isi upah dalam rupiah, misalnya 2.000.000."))
    number = Decimal(str(value)) if isinstance(value, int | float | Decimal) else parse_angka(str(value))
    if number is None:
        return None
    if number < 0 or number != number.to_integral_value() or number > 10**12:
        raise ValidationError(_("Upah harus rupiah bulat, tidak negatif, misalnya 2.000.000."))
    return int(number)


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


# Access and locking ------------------------------------------------------------------------------------


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
