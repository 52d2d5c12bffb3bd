"""Checking a matrix workbook: every row of every sheet parsed, every reference resolved; no writes.

`periksa(tabel, data, tahun)` returns the plan (parsed rows) and every error by sheet, row and column.
References may point at rows of the same file or at rows already stored (`Data`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinerja.choices import Polaritas, SifatAgregasi, Tingkat, VersiNomenklatur
from kinerja.impor.kolom import (
    LEMBAR_INDIKATOR,
    LEMBAR_PROGRAM,
    LEMBAR_RENSTRA,
    LEMBAR_RPJMD,
    Simpul,
    TingkatRenstra,
    TingkatRpjmd,
    kolom_pagu,
    kolom_target,
)
from kinerja.models import Nomenklatur
from kinerja.validators import urai_kode
from sipd import spreadsheet as ss
from sipd.spreadsheet import Baris, Galat, Tabel

EMPAT_DESIMAL = Decimal("0.0001")
BATAS_NILAI = Decimal(10) ** 15


@dataclass
class Data:
    """What the check needs from the database, loaded by the service: natural key → stored row."""

    opd: dict  # kode → pk of a perangkat daerah
    misi: dict  # nomor → Misi
    tujuan: dict  # nomor → Tujuan
    sasaran: dict  # nomor → Sasaran
    renstra: dict  # opd_id → Renstra
    tujuan_pd: dict  # (opd_id, nomor) → TujuanPd
    sasaran_pd: dict  # (opd_id, nomor) → SasaranPd
    nomenklatur: dict  # (opd_id, kode) → Nomenklatur
    pagu: dict  # (nomenklatur_id, tahun) → Pagu
    indikator: dict  # kode → Indikator
    target: dict  # (indikator_id, tahun) → Target
    ganda: set = field(default_factory=set)  # (kind, nomor) stored more than once: ambiguous


@dataclass
class Butir:
    baris: int
    tingkat: str
    nomor: str
    nomor_induk: str
    uraian: str
    opd_id: int | None = None  # Renstra rows
    sasaran_rpjmd: str = ""  # Renstra rows


@dataclass
class BarisProgram:
    baris: int
    opd_id: int
    kode: str
    segmen: dict
    tingkat: str
    kode_induk: str
    versi: str
    nama: str
    sasaran: str
    sasaran_pd: str
    pagu: dict  # tahun → Decimal


@dataclass
class BarisIndikator:
    baris: int
    kode: str
    simpul: str
    ref: str
    opd_id: int
    nilai: dict  # Indikator field → value
    target: dict  # tahun → (nilai, nilai_atas)


@dataclass
class Rencana:
    rpjmd: list = field(default_factory=list)
    renstra: list = field(default_factory=list)
    program: list = field(default_factory=list)
    indikator: list = field(default_factory=list)


# Cells -------------------------------------------------------------------------------------------------


def _angka(value) -> Decimal | None:
    number = ss.angka(ss.tanpa_penetral(value))
    if number is None:
        return None
    if abs(number) >= BATAS_NILAI:
        raise ValidationError(_("Angka terlalu besar."))
    return number.quantize(EMPAT_DESIMAL, rounding=ROUND_HALF_UP)


def _rupiah(value) -> Decimal | None:
    number = _angka(value)
    if number is not None and number < 0:
        raise ValidationError(_("Pagu tidak boleh negatif."))
    return number


_RENTANG_STRIP = re.compile(r"^(-?[\d.,]+)\s*-\s*(-?[\d.,]+)$")


def rentang(value) -> tuple[Decimal, Decimal | None] | None:
    """A target: a number, or a range written 80–90 (also 80 - 90); None when empty."""
    value = ss.tanpa_penetral(value)
    if ss.kosong(value):
        return None
    if not isinstance(value, str):
        return _angka(value), None
    text = ss.teks(value)
    bagian = re.split(r"\s*[–—]\s*", text)
    if len(bagian) == 1 and (cocok := _RENTANG_STRIP.match(text)):
        bagian = list(cocok.groups())
    if len(bagian) > 2 or not all(bagian):
        raise ValidationError(_("Isi angka, atau rentang bawah–atas seperti 80–90."))
    bawah, atas = (_angka(b) for b in bagian) if len(bagian) == 2 else (_angka(bagian[0]), None)
    if atas is not None and atas < bawah:
        raise ValidationError(_("Batas bawah rentang lebih besar dari batas atasnya."))
    return bawah, (None if atas == bawah else atas)


def _teks(maks: int, *, wajib=False):
    parse = ss.teks_maks(maks, wajib=wajib)
    return lambda value: parse(ss.tanpa_penetral(value))


def _nomor(value) -> str:
    text = _teks(20, wajib=True)(value)
    if not re.fullmatch(r"[0-9A-Za-z.]+", text):
        raise ValidationError(_("Nomor berupa angka dan titik, misalnya 1.2.3."))
    return text


def _tahun(value) -> int | None:
    text = ss.teks(value)
    if not text:
        return None
    if not re.fullmatch(r"(19|20)\d\d", text):
        raise ValidationError(_("Tahun empat angka, misalnya 2024."))
    return int(text)


def _iku(value) -> bool:
    return False if ss.kosong(value) else ss.ya_tidak(value)


def _opd(row: Baris, data: Data, kolom: str = "kode_opd") -> int | None:
    kode = ss.teks(row.nilai.get(kolom))
    if not kode:
        row.salah(kolom, _("Wajib diisi."))
        return None
    if kode not in data.opd:
        row.salah(kolom, _("Perangkat daerah %(kode)s tidak terdaftar.") % {"kode": kode})
        return None
    return data.opd[kode]


# Sheets ------------------------------------------------------------------------------------------------


def _periksa_rpjmd(tabel: Tabel, data: Data, galat: list) -> list[Butir]:
    hasil, dilihat = [], {}
    tingkat_pilihan = ss.pilihan(TingkatRpjmd, "tingkat")
    for nomor_baris, nilai in tabel.baris:
        row = Baris(nomor_baris, nilai, galat, LEMBAR_RPJMD)
        tingkat = row.ambil("tingkat", tingkat_pilihan)
        nomor = row.ambil("nomor", _nomor)
        induk = row.ambil("nomor_induk", _teks(20))
        uraian = row.ambil("uraian", _teks(5000, wajib=True))
        if tingkat is row.GAGAL or nomor is row.GAGAL:
            continue
        if (tingkat, nomor) in dilihat:
            pesan = _("Nomor ini sudah ada di baris %(baris)s.") % {"baris": dilihat[tingkat, nomor]}
            row.salah("nomor", pesan)
        dilihat.setdefault((tingkat, nomor), nomor_baris)
        if (tingkat, nomor) in data.ganda:
            row.salah(
                "nomor", _("Nomor ini dipakai lebih dari satu butir tersimpan; perbaiki di halaman RPJMD.")
            )
        if row.ok:
            hasil.append(Butir(nomor_baris, tingkat, nomor, induk, uraian))
    induk_dari = {TingkatRpjmd.TUJUAN: TingkatRpjmd.MISI, TingkatRpjmd.SASARAN: TingkatRpjmd.TUJUAN}
    tersimpan = {
        TingkatRpjmd.MISI: data.misi,
        TingkatRpjmd.TUJUAN: data.tujuan,
        TingkatRpjmd.SASARAN: data.sasaran,
    }
    for b in hasil:
        if b.tingkat == TingkatRpjmd.MISI:
            if b.nomor_induk:
                galat.append(
                    Galat(b.baris, "nomor_induk", _("Misi tidak berinduk; kosongkan."), LEMBAR_RPJMD)
                )
            continue
        tingkat_induk = induk_dari[b.tingkat]
        if not b.nomor_induk:
            galat.append(Galat(b.baris, "nomor_induk", _("Wajib diisi."), LEMBAR_RPJMD))
        elif (tingkat_induk, b.nomor_induk) not in dilihat and b.nomor_induk not in tersimpan[tingkat_induk]:
            pesan = _("%(tingkat)s nomor %(nomor)s tidak ada di lembar ini maupun di data tersimpan.")
            args = {"tingkat": TingkatRpjmd(tingkat_induk).label, "nomor": b.nomor_induk}
            galat.append(Galat(b.baris, "nomor_induk", pesan % args, LEMBAR_RPJMD))
    return hasil


def _periksa_renstra(tabel: Tabel, data: Data, rencana: Rencana, galat: list) -> list[Butir]:
    hasil, dilihat = [], {}
    sasaran_file = {b.nomor for b in rencana.rpjmd if b.tingkat == TingkatRpjmd.SASARAN}
    tingkat_pilihan = ss.pilihan(TingkatRenstra, "tingkat")
    for nomor_baris, nilai in tabel.baris:
        row = Baris(nomor_baris, nilai, galat, LEMBAR_RENSTRA)
        opd_id = _opd(row, data)
        tingkat = row.ambil("tingkat", tingkat_pilihan)
        nomor = row.ambil("nomor", _nomor)
        induk = row.ambil("nomor_induk", _teks(20))
        uraian = row.ambil("uraian", _teks(5000, wajib=True))
        sasaran = row.ambil("sasaran_rpjmd", _teks(20))
        if not row.ok:
            continue
        kunci = (opd_id, tingkat, nomor)
        if kunci in dilihat:
            row.salah("nomor", _("Nomor ini sudah ada di baris %(baris)s.") % {"baris": dilihat[kunci]})
            continue
        dilihat[kunci] = nomor_baris
        if tingkat == TingkatRenstra.TUJUAN_PD:
            if induk:
                row.salah("nomor_induk", _("Tujuan PD tidak berinduk; kosongkan."))
            if sasaran:
                row.salah("sasaran_rpjmd", _("Hanya untuk sasaran PD; kosongkan."))
        else:
            if not induk:
                row.salah("nomor_induk", _("Wajib diisi."))
            if not sasaran:
                row.salah("sasaran_rpjmd", _("Wajib diisi untuk sasaran PD."))
            elif sasaran not in sasaran_file and sasaran not in data.sasaran:
                row.salah("sasaran_rpjmd", _("Sasaran RPJMD nomor %(nomor)s tidak ada.") % {"nomor": sasaran})
        if row.ok:
            hasil.append(Butir(nomor_baris, tingkat, nomor, induk, uraian, opd_id, sasaran))
    for b in hasil:
        if b.tingkat == TingkatRenstra.SASARAN_PD and b.nomor_induk:
            kunci = (b.opd_id, TingkatRenstra.TUJUAN_PD, b.nomor_induk)
            if kunci not in dilihat and (b.opd_id, b.nomor_induk) not in data.tujuan_pd:
                pesan = _(
                    "Tujuan PD nomor %(nomor)s OPD ini tidak ada di lembar ini maupun di data tersimpan."
                )
                galat.append(Galat(b.baris, "nomor_induk", pesan % {"nomor": b.nomor_induk}, LEMBAR_RENSTRA))
    return hasil


TINGKAT_KODE = {0: Tingkat.PROGRAM, 1: Tingkat.KEGIATAN, 2: Tingkat.SUB_KEGIATAN}


def _kode_program(value) -> tuple[str, dict]:
    text = ss.teks(value)
    if not text:
        raise ValidationError(_("Wajib diisi."))
    return text, urai_kode(text)


def _periksa_program(tabel: Tabel, data: Data, rencana: Rencana, galat: list, tahun) -> list[BarisProgram]:
    hasil, dilihat = [], {}
    sasaran_file = {b.nomor for b in rencana.rpjmd if b.tingkat == TingkatRpjmd.SASARAN}
    sasaran_pd_file = {(b.opd_id, b.nomor) for b in rencana.renstra if b.tingkat == TingkatRenstra.SASARAN_PD}
    for nomor_baris, nilai in tabel.baris:
        row = Baris(nomor_baris, nilai, galat, LEMBAR_PROGRAM)
        kode = row.ambil("kode", _kode_program)
        nama = row.ambil("nama", _teks(500, wajib=True))
        opd_id = _opd(row, data)
        sasaran = row.ambil("sasaran_rpjmd", _teks(20))
        sasaran_pd = row.ambil("sasaran_pd", _teks(20))
        pagu = {t: row.ambil(kolom_pagu(t), _rupiah) for t in tahun}
        if (
            sasaran
            and sasaran is not row.GAGAL
            and sasaran not in sasaran_file
            and sasaran not in data.sasaran
        ):
            row.salah("sasaran_rpjmd", _("Sasaran RPJMD nomor %(nomor)s tidak ada.") % {"nomor": sasaran})
        kunci_pd = (opd_id, sasaran_pd)
        ada_pd = kunci_pd in sasaran_pd_file or kunci_pd in data.sasaran_pd
        if sasaran_pd and opd_id and sasaran_pd is not row.GAGAL and not ada_pd:
            pesan = _("Sasaran PD nomor %(nomor)s OPD ini tidak ada.")
            row.salah("sasaran_pd", pesan % {"nomor": sasaran_pd})
        if not row.ok:
            continue
        kode, segmen = kode
        if (opd_id, kode) in dilihat:
            row.salah("kode", _("Kode ini sudah ada di baris %(baris)s.") % {"baris": dilihat[opd_id, kode]})
            continue
        dilihat[opd_id, kode] = nomor_baris
        tingkat = TINGKAT_KODE[bool(segmen["kegiatan"]) + bool(segmen["sub_kegiatan"])]
        induk = ""
        if tingkat == Tingkat.KEGIATAN:
            induk = Nomenklatur.susun_kode(segmen["urusan"], segmen["bidang"], segmen["program"])
        elif tingkat == Tingkat.SUB_KEGIATAN:
            induk = Nomenklatur.susun_kode(
                segmen["urusan"], segmen["bidang"], segmen["program"], segmen["kegiatan"]
            )
        versi = (
            VersiNomenklatur.KEPMENDAGRI_2021
            if len(segmen["sub_kegiatan"]) == 2
            else VersiNomenklatur.KEPMENDAGRI_2023
        )
        pagu = {t: v for t, v in pagu.items() if v is not None}
        hasil.append(
            BarisProgram(
                nomor_baris, opd_id, kode, segmen, tingkat, induk, versi, nama, sasaran, sasaran_pd, pagu
            )
        )
    for b in hasil:
        if (
            b.kode_induk
            and (b.opd_id, b.kode_induk) not in dilihat
            and (b.opd_id, b.kode_induk) not in data.nomenklatur
        ):
            pesan = _("Induk %(kode)s milik OPD ini tidak ada di lembar ini maupun di data tersimpan.")
            galat.append(Galat(b.baris, "kode", pesan % {"kode": b.kode_induk}, LEMBAR_PROGRAM))
    return hasil


def _periksa_indikator(
    tabel: Tabel, data: Data, rencana: Rencana, galat: list, tahun
) -> list[BarisIndikator]:
    hasil, dilihat = [], {}
    simpul_pilihan = ss.pilihan(Simpul, "simpul", program=Simpul.NOMENKLATUR)
    polaritas_pilihan = ss.pilihan(Polaritas, "polaritas")
    sifat_pilihan = ss.pilihan(SifatAgregasi, "sifat")
    # References to rows of this file, as sets, so each lookup is constant time.
    ref_file = {
        Simpul.TUJUAN: {b.nomor for b in rencana.rpjmd if b.tingkat == TingkatRpjmd.TUJUAN},
        Simpul.SASARAN: {b.nomor for b in rencana.rpjmd if b.tingkat == TingkatRpjmd.SASARAN},
        Simpul.TUJUAN_PD: {(b.opd_id, b.nomor) for b in rencana.renstra if b.tingkat == Simpul.TUJUAN_PD},
        Simpul.SASARAN_PD: {(b.opd_id, b.nomor) for b in rencana.renstra if b.tingkat == Simpul.SASARAN_PD},
        Simpul.NOMENKLATUR: {(b.opd_id, b.kode) for b in rencana.program},
    }
    for nomor_baris, nilai in tabel.baris:
        row = Baris(nomor_baris, nilai, galat, LEMBAR_INDIKATOR)
        kode = row.ambil("kode", _teks(40, wajib=True))
        simpul = row.ambil("simpul", simpul_pilihan)
        ref = row.ambil("ref_simpul", _teks(24, wajib=True))
        opd_id = _opd(row, data)
        fields = {
            "nama": row.ambil("nama", _teks(500, wajib=True)),
            "satuan": row.ambil("satuan", _teks(50, wajib=True)),
            "polaritas": row.ambil("polaritas", polaritas_pilihan),
            "sifat": row.ambil("sifat", sifat_pilihan),
            "iku": row.ambil("iku", _iku),
            "kondisi_awal_tahun": row.ambil("kondisi_awal_tahun", _tahun),
            "kondisi_awal": row.ambil("kondisi_awal", _angka),
            "definisi_operasional": row.ambil("definisi_operasional", _teks(5000)),
            "sumber_data": row.ambil("sumber_data", _teks(300)),
        }
        akhir = row.ambil("target_akhir", rentang)
        target = {t: row.ambil(kolom_target(t), rentang) for t in tahun}
        if kode and kode is not row.GAGAL:
            if kode in dilihat:
                row.salah("kode", _("Kode ini sudah ada di baris %(baris)s.") % {"baris": dilihat[kode]})
            dilihat.setdefault(kode, nomor_baris)
        if simpul is not row.GAGAL and ref is not row.GAGAL and opd_id:
            kunci = ref if simpul in (Simpul.TUJUAN, Simpul.SASARAN) else (opd_id, ref)
            tersimpan = {
                Simpul.TUJUAN: data.tujuan, Simpul.SASARAN: data.sasaran, Simpul.TUJUAN_PD: data.tujuan_pd,
                Simpul.SASARAN_PD: data.sasaran_pd, Simpul.NOMENKLATUR: data.nomenklatur,
            }[simpul]  # fmt: skip
            if kunci not in ref_file[simpul] and kunci not in tersimpan:
                pesan = _("%(simpul)s %(ref)s tidak ada di berkas ini maupun di data tersimpan.")
                if simpul in (Simpul.TUJUAN_PD, Simpul.SASARAN_PD, Simpul.NOMENKLATUR):
                    pesan = _(
                        "%(simpul)s %(ref)s milik OPD ini tidak ada di berkas ini maupun di data tersimpan."
                    )
                row.salah("ref_simpul", pesan % {"simpul": Simpul(simpul).label, "ref": ref})
        if not row.ok:
            continue
        fields["target_akhir"], fields["target_akhir_atas"] = akhir or (None, None)
        target = {t: v for t, v in target.items() if v is not None}
        hasil.append(BarisIndikator(nomor_baris, kode, simpul, ref, opd_id, fields, target))
    return hasil


def periksa(tabel: dict[str, Tabel], data: Data, tahun) -> tuple[Rencana, list[Galat]]:
    """Every sheet parsed and every reference resolved against the file and `data`; no database access."""
    galat = [g for t in tabel.values() for g in t.galat]
    rencana = Rencana()
    rencana.rpjmd = _periksa_rpjmd(tabel[LEMBAR_RPJMD], data, galat)
    rencana.renstra = _periksa_renstra(tabel[LEMBAR_RENSTRA], data, rencana, galat)
    rencana.program = _periksa_program(tabel[LEMBAR_PROGRAM], data, rencana, galat, tahun)
    rencana.indikator = _periksa_indikator(tabel[LEMBAR_INDIKATOR], data, rencana, galat, tahun)
    return rencana, galat
