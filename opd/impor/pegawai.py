"""Import of pegawai: matched by NIP (ASN) or NIK (non-ASN), checked whole, then one bulk upsert."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opd.choices import STATUS_ASN, Eselon, StatusPegawai
from opd.impor.kolom import (
    IMPOR_PEGAWAI,
    JENIS_IMPOR,
    KOLOM,
    _akar,
    _kunci_impor,
    _nilai_kolom,
    _nomor_identitas,
    _upah,
    baca_berkas,
    boleh_impor,
)
from opd.models import Opd, Pegawai
from sipd import spreadsheet as ss
from sipd.spreadsheet import Galat, HasilImpor, ImporGagal, Tabel
from sipd.validators import parse_nik, parse_nip


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
    status_pilihan = ss.pilihan(StatusPegawai, "status", honorer=StatusPegawai.NON_ASN)
    eselon_pilihan = ss.pilihan(Eselon, "eselon")
    for nomor, nilai in tabel.baris:
        row = ss.Baris(nomor, nilai, galat)
        nama = row.ambil("nama", ss.teks_maks(150, wajib=True))
        status = row.ambil("status", status_pilihan)
        nip = row.ambil("nip", _nomor_identitas("NIP"))
        nik = row.ambil("nik", _nomor_identitas("NIK"))
        jabatan = row.ambil("jabatan", ss.teks_maks(200))
        eselon = row.ambil("eselon", lambda v: eselon_pilihan(v) if ss.teks(v) else "")
        upah = row.ambil("upah_bpjs", _upah)
        aktif = row.ambil("aktif", ss.ya_tidak)
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


def _periksa_tempat(row: ss.Baris, opd: dict, akar: dict) -> tuple[int | None, int | None]:
    kode_opd, kode_unit = ss.teks(row.nilai.get("kode_opd")), ss.teks(row.nilai.get("kode_unit"))
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


def _cocokkan(row: ss.Baris, data: DataPegawai, nip: str, nik: str, asn: bool) -> Pegawai | None:
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
    return HasilImpor(
        JENIS_IMPOR[IMPOR_PEGAWAI], len(baru), len(berubah), len(rencana) - len(baru) - len(berubah)
    )


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
