"""Sheets and columns of the RPJMD/Renstra matrix workbook (template, import and export)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Polaritas, SifatAgregasi
from sipd.spreadsheet import Kolom

LEMBAR_RPJMD, LEMBAR_RENSTRA, LEMBAR_PROGRAM, LEMBAR_INDIKATOR = "RPJMD", "Renstra", "Program", "Indikator"
LEMBAR_DATA = (LEMBAR_RPJMD, LEMBAR_RENSTRA, LEMBAR_PROGRAM, LEMBAR_INDIKATOR)
LEMBAR_PETUNJUK = "Petunjuk"


class TingkatRpjmd(models.TextChoices):
    MISI = "misi", _("Misi")
    TUJUAN = "tujuan", _("Tujuan")
    SASARAN = "sasaran", _("Sasaran")


class TingkatRenstra(models.TextChoices):
    TUJUAN_PD = "tujuan_pd", _("Tujuan PD")
    SASARAN_PD = "sasaran_pd", _("Sasaran PD")


class Simpul(models.TextChoices):
    """Where an indicator hangs: the Indikator model's node fields."""

    TUJUAN = "tujuan", _("Tujuan")
    SASARAN = "sasaran", _("Sasaran")
    TUJUAN_PD = "tujuan_pd", _("Tujuan PD")
    SASARAN_PD = "sasaran_pd", _("Sasaran PD")
    NOMENKLATUR = "nomenklatur", _("Program/Kegiatan/Sub Kegiatan")


KODE_OPD_CONTOH = "1.02.0.00.0.00.01.0000"
_KODE_OPD = _(
    "Kode unit perangkat daerah penanggung jawab (lihat menu Perangkat Daerah), "
    "format X.XX.X.XX.X.XX.XX.XXXX."
)

KOLOM_RPJMD = (
    Kolom("tingkat", True, _("Misi, Tujuan atau Sasaran."), "Sasaran", pilihan=TingkatRpjmd),
    Kolom(
        "nomor",
        True,
        _(
            "Nomor butir, unik per tingkat dalam periode: misi 1, tujuan 1.1, sasaran 1.1.1. "
            "Kunci impor ulang."
        ),
        "1.1.1",
        teks=True,
    ),
    Kolom(
        "nomor_induk",
        False,
        _("Kosong untuk misi; nomor misi untuk tujuan; nomor tujuan untuk sasaran."),
        "1.1",
        teks=True,
    ),
    Kolom(
        "uraian", True, _("Uraian misi, tujuan atau sasaran."), "Meningkatnya derajat kesehatan masyarakat"
    ),
)

KOLOM_RENSTRA = (
    Kolom("kode_opd", True, _KODE_OPD, KODE_OPD_CONTOH, teks=True),
    Kolom("tingkat", True, _("Tujuan PD atau Sasaran PD."), "Sasaran PD", pilihan=TingkatRenstra),
    Kolom("nomor", True, _("Nomor butir, unik per tingkat dalam Renstra OPD tersebut."), "1.1", teks=True),
    Kolom(
        "nomor_induk", False, _("Kosong untuk tujuan PD; nomor tujuan PD untuk sasaran PD."), "1", teks=True
    ),
    Kolom(
        "uraian", True, _("Uraian tujuan atau sasaran perangkat daerah."), "Menurunnya kematian ibu dan bayi"
    ),
    Kolom(
        "sasaran_rpjmd",
        False,
        _("Wajib untuk sasaran PD: nomor sasaran RPJMD yang didukung."),
        "1.1.1",
        teks=True,
    ),
)

JENIS_SIMPUL_PD = frozenset({Simpul.TUJUAN_PD, Simpul.SASARAN_PD, Simpul.NOMENKLATUR})


def kolom_pagu(tahun: int) -> str:
    return f"pagu_{tahun}"


def kolom_target(tahun: int) -> str:
    return f"target_{tahun}"


def kolom_program(tahun) -> tuple[Kolom, ...]:
    return (
        Kolom(
            "kode",
            True,
            _(
                "Kode Permendagri 90/2019: program 1.02.02, kegiatan 1.02.02.2.01, sub kegiatan "
                "1.02.02.2.01.0001 (2 atau 4 digit). Program penunjang: X.XX.01. Kunci impor ulang bersama "
                "kode_opd."
            ),
            "1.02.02",
            teks=True,
        ),
        Kolom(
            "nama",
            True,
            _("Nomenklatur program, kegiatan atau sub kegiatan."),
            "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
        ),
        Kolom("kode_opd", True, _KODE_OPD, KODE_OPD_CONTOH, teks=True),
        Kolom(
            "sasaran_rpjmd",
            False,
            _("Nomor sasaran RPJMD yang didukung (untuk program)."),
            "1.1.1",
            teks=True,
        ),
        Kolom(
            "sasaran_pd",
            False,
            _("Nomor sasaran PD (lembar Renstra) OPD tersebut yang didukung."),
            "1.1",
            teks=True,
        ),
        *(
            Kolom(
                kolom_pagu(t),
                False,
                _("Pagu tahun %(tahun)s dalam rupiah; kosong bila belum ada.") % {"tahun": t},
                "12.500.000.000",
            )
            for t in tahun
        ),
    )


def kolom_indikator(tahun) -> tuple[Kolom, ...]:
    return (
        Kolom("kode", True, _("Kode indikator, unik dalam periode. Kunci impor ulang."), "IKU-01", teks=True),
        Kolom(
            "simpul",
            True,
            _(
                "Tempat indikator: Tujuan, Sasaran (RPJMD), Tujuan PD, Sasaran PD, atau Program/Kegiatan/Sub "
                "Kegiatan."
            ),
            "Sasaran",
            pilihan=Simpul,
        ),
        Kolom(
            "ref_simpul",
            True,
            _(
                "Nomor tujuan/sasaran (RPJMD atau PD milik kode_opd) atau kode program/kegiatan/sub kegiatan "
                "milik kode_opd."
            ),
            "1.1.1",
            teks=True,
        ),
        Kolom("kode_opd", True, _KODE_OPD, KODE_OPD_CONTOH, teks=True),
        Kolom("nama", True, _("Nama indikator."), "Angka Kematian Ibu"),
        Kolom("satuan", True, _("Satuan, paling banyak 50 huruf."), "per 100.000 KH"),
        Kolom(
            "polaritas",
            True,
            _("Positif (makin tinggi makin baik) atau Negatif."),
            "Negatif",
            pilihan=Polaritas,
        ),
        Kolom(
            "sifat",
            True,
            _("Sifat agregasi triwulan: Kumulatif, Nilai akhir, atau Rata-rata."),
            "Nilai akhir",
            pilihan=SifatAgregasi,
        ),
        Kolom(
            "iku",
            False,
            _("ya bila Indikator Kinerja Utama; kosong berarti tidak."),
            "ya",
            pilihan=("ya", "tidak"),
        ),
        Kolom("kondisi_awal_tahun", False, _("Tahun kondisi awal (baseline)."), "2024"),
        Kolom(
            "kondisi_awal",
            False,
            _("Nilai kondisi awal. Angka, format Indonesia bila teks: 1.234,56."),
            "98,5",
        ),
        *(
            Kolom(
                kolom_target(t),
                False,
                _("Target %(tahun)s: angka, atau rentang bawah–atas seperti 80–90.") % {"tahun": t},
                "95",
            )
            for t in tahun
        ),
        Kolom("target_akhir", False, _("Target akhir periode: angka atau rentang 80–90."), "80"),
        Kolom(
            "definisi_operasional",
            False,
            _("Definisi operasional atau formula."),
            "Jumlah kematian ibu / jumlah kelahiran hidup × 100.000",
        ),
        Kolom("sumber_data", False, _("Sumber data, paling banyak 300 huruf."), "Profil Kesehatan"),
    )


def kolom_lembar(tahun) -> dict[str, tuple[Kolom, ...]]:
    return {
        LEMBAR_RPJMD: KOLOM_RPJMD,
        LEMBAR_RENSTRA: KOLOM_RENSTRA,
        LEMBAR_PROGRAM: kolom_program(tahun),
        LEMBAR_INDIKATOR: kolom_indikator(tahun),
    }
