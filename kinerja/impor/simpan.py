"""The matrix import service: read, check everything, then write set-based, level by level.

Rows are matched by natural key (misi/tujuan/sasaran nomor in the period, Renstra nomor per OPD, nomenclature
kode per OPD, indicator kode), so importing the same file twice writes nothing. Rows missing from the file
are left alone. A preview runs the very same import and rolls it back, so its counts are exact.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.choices import JenisPerubahan, StatusRencana
from kinerja.impor.kolom import (
    JENIS_SIMPUL_PD,
    LEMBAR_DATA,
    LEMBAR_INDIKATOR,
    Simpul,
    TingkatRenstra,
    TingkatRpjmd,
    kolom_lembar,
)
from kinerja.impor.periksa import Data, Rencana, periksa
from kinerja.models import (
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Renstra,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Target,
    Tujuan,
    TujuanPd,
)
from opd.models import Opd
from sipd import access
from sipd import spreadsheet as ss
from sipd.formatting import format_angka
from sipd.roles import Peran
from sipd.sinkron import selaraskan
from sipd.spreadsheet import Galat, ImporGagal

KUNCI_IMPOR = 7_320_003
BATCH = 2000

JENIS = {
    "misi": gettext_lazy("Misi"), "tujuan": gettext_lazy("Tujuan"), "sasaran": gettext_lazy("Sasaran"),
    "renstra": gettext_lazy("Renstra PD"), "tujuan_pd": gettext_lazy("Tujuan PD"),
    "sasaran_pd": gettext_lazy("Sasaran PD"), "nomenklatur": gettext_lazy("Program/kegiatan/sub kegiatan"),
    "pagu": gettext_lazy("Pagu"), "indikator": gettext_lazy("Indikator"), "target": gettext_lazy("Target"),
}  # fmt: skip


@dataclass
class HasilMatriks:
    dibuat: Counter = field(default_factory=Counter)
    diubah: Counter = field(default_factory=Counter)
    tetap: Counter = field(default_factory=Counter)
    revisi: int = 0  # RevisiTarget rows written
    perlu_alasan: int = 0  # indicators whose approved targets change, without jenis and alasan given
    pratinjau: bool = False

    @property
    def ada_perubahan(self) -> bool:
        return any(self.dibuat.values()) or any(self.diubah.values())

    def rincian(self) -> list[tuple[str, int, int, int]]:
        """(label, new, updated, unchanged) per kind, for the page."""
        return [
            (str(label), self.dibuat[k], self.diubah[k], self.tetap[k])
            for k, label in JENIS.items()
            if self.dibuat[k] or self.diubah[k] or self.tetap[k]
        ]

    def __str__(self):
        total = {k: format_angka(sum(c.values()), 0) for k, c in
                 (("dibuat", self.dibuat), ("diubah", self.diubah), ("tetap", self.tetap))}  # fmt: skip
        teks = (
            _("Impor matriks selesai: %(dibuat)s baru, %(diubah)s diperbarui, %(tetap)s tidak berubah.")
            % total
        )
        if self.revisi:
            teks += " " + _("%(n)s revisi target dicatat.") % {"n": format_angka(self.revisi, 0)}
        return teks


def boleh_impor(user) -> bool:
    return access.can_any(user, access.ADD, Indikator) and access.can_any(user, access.CHANGE, Indikator)


def boleh_ekspor(user) -> bool:
    """Leaders and Bappeda read every OPD's figures."""
    return access.has_role(user, Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN)


def baca_tabel(file, tahun) -> dict[str, ss.Tabel]:
    """The four data sheets of the workbook; every header error of every sheet at once."""
    rows = ss.baca_berkas(file, lembar=LEMBAR_DATA, csv_boleh=False)
    kolom = kolom_lembar(tahun)
    galat, tabel = [], {}
    if not any(rows.get(nama) for nama in LEMBAR_DATA):
        raise ss.gagal(
            _("Berkas tidak memuat lembar %(lembar)s dari templat.") % {"lembar": ", ".join(LEMBAR_DATA)}
        )
    for nama in LEMBAR_DATA:
        try:
            tabel[nama] = ss.tabel(rows.get(nama, []), kolom[nama], lembar=nama, boleh_kosong=True)
        except ImporGagal as exc:
            galat += exc.galat
    if galat:
        raise ImporGagal(galat, urutan_lembar=LEMBAR_DATA)
    return tabel


def _muat(periode: PeriodeRpjmd) -> Data:
    """Every stored row of the period the import may match: one query per table."""
    ganda = set()

    def per_nomor(qs, tingkat):
        out = {}
        for obj in qs:
            if obj.nomor in out:
                ganda.add((tingkat, obj.nomor))
            out[obj.nomor] = obj
        return out

    renstra = {r.opd_id: r for r in Renstra.objects.filter(periode=periode)}
    nomenklatur = {(n.opd_id, n.kode): n for n in Nomenklatur.objects.filter(periode=periode)}
    indikator = {i.kode: i for i in Indikator.objects.filter(periode=periode)}
    return Data(
        opd=dict(Opd.objects.filter(induk__isnull=True).values_list("kode", "pk")),
        misi={m.nomor: m for m in Misi.objects.filter(periode=periode)},
        tujuan=per_nomor(Tujuan.objects.filter(misi__periode=periode), TingkatRpjmd.TUJUAN),
        sasaran=per_nomor(Sasaran.objects.filter(tujuan__misi__periode=periode), TingkatRpjmd.SASARAN),
        renstra=renstra,
        tujuan_pd={
            (t.renstra.opd_id, t.nomor): t
            for t in TujuanPd.objects.filter(renstra__periode=periode).select_related("renstra")
        },
        sasaran_pd={
            (s.tujuan.renstra.opd_id, s.nomor): s
            for s in SasaranPd.objects.filter(tujuan__renstra__periode=periode).select_related(
                "tujuan__renstra"
            )
        },
        nomenklatur=nomenklatur,
        pagu={(p.nomenklatur_id, p.tahun): p for p in Pagu.objects.filter(nomenklatur__periode=periode)},
        indikator=indikator,
        target={(t.indikator_id, t.tahun): t for t in Target.objects.filter(indikator__periode=periode)},
        ganda=ganda,
    )


def _tulis(model, existing: dict, wanted: dict, hasil: HasilMatriks, jenis: str) -> dict:
    """Insert the rows of `wanted` missing from `existing`, update those that differ (INSERT … ON CONFLICT
    (id) DO UPDATE, one statement per batch); `existing` is completed in place and returned."""
    baru, ubah = selaraskan(model, existing, wanted, batch=BATCH)
    hasil.dibuat[jenis] += len(baru)
    hasil.diubah[jenis] += len(ubah)
    hasil.tetap[jenis] += len(wanted) - len(baru) - len(ubah)
    return existing


def _tulis_rpjmd(rencana: Rencana, data: Data, periode, hasil) -> None:
    urutan = Counter()

    def wanted(tingkat, existing, induk_field, induk_of):
        out = {}
        for b in rencana.rpjmd:
            if b.tingkat != tingkat:
                continue
            values = {"nomor": b.nomor, "uraian": b.uraian, induk_field: induk_of(b)}
            if b.nomor not in existing:
                urutan[tingkat] += 1
                values["urutan"] = urutan[tingkat]
            out[b.nomor] = values
        return out

    _tulis(Misi, data.misi, wanted("misi", data.misi, "periode_id", lambda b: periode.pk), hasil, "misi")
    tujuan = wanted("tujuan", data.tujuan, "misi_id", lambda b: data.misi[b.nomor_induk].pk)
    _tulis(Tujuan, data.tujuan, tujuan, hasil, "tujuan")
    sasaran = wanted("sasaran", data.sasaran, "tujuan_id", lambda b: data.tujuan[b.nomor_induk].pk)
    _tulis(Sasaran, data.sasaran, sasaran, hasil, "sasaran")


def _tulis_renstra(rencana: Rencana, data: Data, periode, hasil) -> None:
    opd_ids = {b.opd_id for b in rencana.renstra}
    wanted = {
        opd_id: {"periode_id": periode.pk, "opd_id": opd_id}
        for opd_id in opd_ids
        if opd_id not in data.renstra
    }
    _tulis(Renstra, data.renstra, wanted, hasil, "renstra")
    tujuan, sasaran = {}, {}
    for b in rencana.renstra:
        if b.tingkat == TingkatRenstra.TUJUAN_PD:
            values = {"nomor": b.nomor, "uraian": b.uraian, "renstra_id": data.renstra[b.opd_id].pk}
            tujuan[b.opd_id, b.nomor] = values
    _tulis(TujuanPd, data.tujuan_pd, tujuan, hasil, "tujuan_pd")
    for b in rencana.renstra:
        if b.tingkat == TingkatRenstra.SASARAN_PD:
            sasaran[b.opd_id, b.nomor] = {
                "nomor": b.nomor, "uraian": b.uraian, "tujuan_id": data.tujuan_pd[b.opd_id, b.nomor_induk].pk,
                "sasaran_rpjmd_id": data.sasaran[b.sasaran_rpjmd].pk,
            }  # fmt: skip
    _tulis(SasaranPd, data.sasaran_pd, sasaran, hasil, "sasaran_pd")


def _tulis_program(rencana: Rencana, data: Data, periode, hasil) -> None:
    for tingkat in ("program", "kegiatan", "sub_kegiatan"):  # parents first: children need their ids
        wanted = {}
        for b in rencana.program:
            if b.tingkat != tingkat:
                continue
            wanted[b.opd_id, b.kode] = {
                "periode_id": periode.pk, "opd_id": b.opd_id, "tingkat": b.tingkat, "kode": b.kode,
                **b.segmen, "versi": b.versi, "nama": b.nama,
                "induk_id": data.nomenklatur[b.opd_id, b.kode_induk].pk if b.kode_induk else None,
                "sasaran_id": data.sasaran[b.sasaran].pk if b.sasaran else None,
                "sasaran_pd_id": data.sasaran_pd[b.opd_id, b.sasaran_pd].pk if b.sasaran_pd else None,
            }  # fmt: skip
        _tulis(Nomenklatur, data.nomenklatur, wanted, hasil, "nomenklatur")
    pagu = {}
    for b in rencana.program:
        nomenklatur_id = data.nomenklatur[b.opd_id, b.kode].pk
        for tahun, jumlah in b.pagu.items():
            pagu[nomenklatur_id, tahun] = {"nomenklatur_id": nomenklatur_id, "tahun": tahun, "jumlah": jumlah}
    _tulis(Pagu, data.pagu, pagu, hasil, "pagu")


def _rencana_disetujui(periode, data: Data) -> set[int | None]:
    """OPDs whose Renstra is approved; None in the set when the RPJMD itself is."""
    out = {opd_id for opd_id, r in data.renstra.items() if r.status == StatusRencana.DISETUJUI}
    if periode.status == StatusRencana.DISETUJUI:
        out.add(None)
    return out


def _tulis_indikator(rencana: Rencana, data: Data, periode, hasil, *, user, jenis, alasan) -> list[Galat]:
    urutan = len(data.indikator)
    wanted = {}
    for b in rencana.indikator:
        simpul = dict.fromkeys(("tujuan_id", "sasaran_id", "tujuan_pd_id", "sasaran_pd_id", "nomenklatur_id"))
        peta = {
            Simpul.TUJUAN: data.tujuan, Simpul.SASARAN: data.sasaran, Simpul.TUJUAN_PD: data.tujuan_pd,
            Simpul.SASARAN_PD: data.sasaran_pd, Simpul.NOMENKLATUR: data.nomenklatur,
        }[b.simpul]  # fmt: skip
        simpul[f"{b.simpul}_id"] = peta[
            b.ref if b.simpul in (Simpul.TUJUAN, Simpul.SASARAN) else (b.opd_id, b.ref)
        ].pk
        values = {"periode_id": periode.pk, "kode": b.kode, "opd_id": b.opd_id, **simpul, **b.nilai}
        if b.kode not in data.indikator:
            urutan += 1
            values["urutan"] = urutan
        wanted[b.kode] = values
    _tulis(Indikator, data.indikator, wanted, hasil, "indikator")

    disetujui = _rencana_disetujui(periode, data)
    target, revisi, perlu_alasan = {}, [], []
    for b in rencana.indikator:
        indikator = data.indikator[b.kode]
        terkunci = (b.opd_id if b.simpul in JENIS_SIMPUL_PD else None) in disetujui or None in disetujui
        for tahun, (nilai, atas) in b.target.items():
            key = (indikator.pk, tahun)
            target[key] = {"indikator_id": indikator.pk, "tahun": tahun, "nilai": nilai, "nilai_atas": atas}
            lama = data.target.get(key)
            if terkunci and lama is not None and (lama.nilai, lama.nilai_atas) != (nilai, atas):
                if not (jenis and alasan):
                    perlu_alasan.append(b.baris)
                    continue
                revisi.append(
                    RevisiTarget(
                        target=lama, jenis=jenis, alasan=alasan, nilai_lama=lama.nilai,
                        nilai_atas_lama=lama.nilai_atas, nilai_baru=nilai, nilai_atas_baru=atas, oleh=user,
                    )
                )  # fmt: skip
    _tulis(Target, data.target, target, hasil, "target")
    RevisiTarget.objects.bulk_create(revisi, batch_size=BATCH)
    hasil.revisi = len(revisi)
    hasil.perlu_alasan = len(set(perlu_alasan))
    pesan = _(
        "Target berubah pada rencana yang sudah disetujui: isi jenis perubahan dan alasan di formulir impor."
    )
    return [Galat(baris, "target", pesan, LEMBAR_INDIKATOR) for baris in dict.fromkeys(perlu_alasan)]


def terapkan(rencana: Rencana, data: Data, periode, hasil: HasilMatriks, *, user, jenis="", alasan=""):
    """Write a checked plan, level by level; returns the errors of approved targets changed without reason."""
    _tulis_rpjmd(rencana, data, periode, hasil)
    _tulis_renstra(rencana, data, periode, hasil)
    _tulis_program(rencana, data, periode, hasil)
    return _tulis_indikator(rencana, data, periode, hasil, user=user, jenis=jenis, alasan=alasan)


def muat(periode: PeriodeRpjmd) -> Data:
    return _muat(periode)


def _kunci(periode) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [KUNCI_IMPOR, periode.pk])


class _Batal(Exception):
    """Rolls a preview back."""


@transaction.atomic
def impor_matriks(*, user, periode: PeriodeRpjmd, file, jenis_perubahan="", alasan="", pratinjau=False):
    """Import the RPJMD/Renstra matrix workbook (Bappeda, Admin). Raises ImporGagal listing every error by
    sheet, row and column, and then writes nothing. Changed targets of an approved plan need
    `jenis_perubahan` and `alasan` and are recorded as RevisiTarget rows. `pratinjau`: the same import,
    rolled back, for its counts."""
    if not boleh_impor(user):
        raise PermissionDenied
    if jenis_perubahan and jenis_perubahan not in JenisPerubahan.values:
        raise ss.gagal(_("Jenis perubahan tidak dikenal."), kolom="jenis_perubahan")
    tahun = list(periode.tahun)
    tabel = baca_tabel(file, tahun)
    _kunci(periode)
    data = _muat(periode)
    rencana, galat = periksa(tabel, data, tahun)
    if galat:
        raise ImporGagal(
            galat, [k.nama for kolom in kolom_lembar(tahun).values() for k in kolom], LEMBAR_DATA
        )
    hasil = HasilMatriks(pratinjau=pratinjau)
    try:
        with transaction.atomic():
            galat = terapkan(
                rencana, data, periode, hasil, user=user, jenis=jenis_perubahan, alasan=alasan.strip()
            )
            if galat and not pratinjau:
                raise ImporGagal(galat, urutan_lembar=LEMBAR_DATA)
            if pratinjau:
                raise _Batal
    except _Batal:
        pass
    return hasil
