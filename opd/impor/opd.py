"""Import of the OPD tree: every row checked, the tree as a whole checked, then one bulk upsert."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from opd.choices import JENIS_PERANGKAT_DAERAH, JenisOpd
from opd.impor.kolom import (
    IMPOR_OPD,
    JENIS_IMPOR,
    KOLOM,
    _akar,
    _kode,
    _kunci_impor,
    _nilai_kolom,
    _nomor_identitas,
    _urusan,
    baca_berkas,
    boleh_impor,
)
from opd.models import Opd, Pegawai, PenugasanPeran
from opd.validators import parse_kode_unit
from sipd import spreadsheet as ss
from sipd.spreadsheet import Galat, HasilImpor, ImporGagal, Tabel
from sipd.validators import parse_nip


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
    jenis_pilihan = ss.pilihan(JenisOpd, "jenis", bagian=JenisOpd.BIDANG)
    for nomor, nilai in tabel.baris:
        row = ss.Baris(nomor, nilai, galat)
        kode = row.ambil("kode", _kode)
        if kode in baris_kode:
            row.salah("kode", _("Kode ini sudah ada di baris %(baris)s.") % {"baris": baris_kode[kode]})
        elif kode is not row.GAGAL:
            baris_kode[kode] = nomor
        nama = row.ambil("nama", ss.teks_maks(200, wajib=True))
        singkatan = row.ambil("singkatan", ss.teks_maks(40))
        jenis = row.ambil("jenis", jenis_pilihan)
        kode_induk = ss.teks(nilai.get("kode_induk")) or None
        urusan = row.ambil("urusan", _urusan)
        if urusan == [] and kode is not row.GAGAL:
            urusan = parse_kode_unit(kode)["urusan"]
        aktif = row.ambil("aktif", ss.ya_tidak)
        urutan = row.ambil("urutan", ss.bilangan_bulat)
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
    return HasilImpor(
        JENIS_IMPOR[IMPOR_OPD], len(baru), len(berubah), len(rencana) - len(baru) - len(berubah)
    )


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
