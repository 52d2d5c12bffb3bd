"""Entering realizations and the triwulan reporting workflow (draf → diajukan → diverifikasi/dikembalikan).

Every save is a compare-and-set on one cell: the caller sends the value it saw (`asal`), and a cell that
changed meanwhile is refused with the current value, so two people never overwrite each other silently.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.choices import STATUS_DAPAT_DIUBAH, StatusPelaporan
from kinerja.models import (
    BukaKunci,
    BuktiDukung,
    CatatanVerifikasi,
    Indikator,
    JadwalTriwulan,
    Nomenklatur,
    PelaporanTriwulan,
    Realisasi,
    RealisasiAnggaran,
    RiwayatPelaporan,
)
from opd.models import Opd
from sipd import access
from sipd.formatting import format_angka, parse_angka
from sipd.notifications import kirim_notifikasi
from sipd.roles import Peran
from sipd.uploads import nama_aman, periksa_berkas, token_berkas

KOLOM_TEKS = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut")
KOLOM_REALISASI = ("nilai", *KOLOM_TEKS)
MAKS_TEKS = 4000
JENIS_BUKTI = frozenset({"pdf", "gambar", "office"})

# Hooks run after commit when figures change: the scoring engine registers its recompute here.
SETELAH_BERUBAH: list[Callable[[int, int], None]] = []


class Konflik(Exception):
    """The cell changed since the user loaded it."""

    def __init__(self, sekarang):
        super().__init__(_("Nilai ini baru saja diubah orang lain."))
        self.sekarang = sekarang


@dataclass(frozen=True)
class StatusIsian:
    """Whether an OPD may enter figures for a triwulan now, and why not."""

    boleh: bool
    alasan: str
    terlambat: bool
    jadwal: JadwalTriwulan | None
    pelaporan_status: str


def _buka_kunci_aktif(jadwal: JadwalTriwulan, opd_id: int, now) -> bool:
    return any(
        b.sampai > now and b.opd_id in (None, opd_id)
        for b in getattr(jadwal, "buka_kunci_aktif", None) or jadwal.buka_kunci.filter(sampai__gt=now)
    )


def status_isian(
    *, opd_id: int, tahun: int, triwulan: int, jadwal: JadwalTriwulan | None, status: str, now=None
) -> StatusIsian:
    """Open window, no lock (or a recorded unlock) and a report the OPD still holds."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    terlambat = bool(jadwal and today > jadwal.selesai and status in STATUS_DAPAT_DIUBAH)

    def hasil(boleh, alasan=""):
        return StatusIsian(boleh, alasan, terlambat, jadwal, status)

    if status not in STATUS_DAPAT_DIUBAH:
        if status == StatusPelaporan.DIAJUKAN:
            return hasil(False, _("Laporan sudah diajukan dan menunggu verifikasi Bappeda."))
        return hasil(False, _("Laporan sudah diverifikasi Bappeda."))
    if jadwal is not None:
        if jadwal.terkunci and not _buka_kunci_aktif(jadwal, opd_id, now):
            return hasil(False, _("Periode ini dikunci Bappeda."))
        if today < jadwal.mulai:
            return hasil(
                False,
                _("Pengisian dibuka mulai %(tanggal)s.") % {"tanggal": jadwal.mulai.strftime("%d-%m-%Y")},
            )
    return hasil(True)


def _pelaporan(opd_id: int, tahun: int, triwulan: int, *, kunci=False) -> PelaporanTriwulan:
    pelaporan, _created = PelaporanTriwulan.objects.get_or_create(
        opd_id=opd_id, tahun=tahun, triwulan=triwulan
    )
    if kunci:
        pelaporan = PelaporanTriwulan.objects.select_for_update().get(pk=pelaporan.pk)
    return pelaporan


def _jadwal(tahun: int, triwulan: int) -> JadwalTriwulan | None:
    return JadwalTriwulan.objects.filter(tahun=tahun, triwulan=triwulan).first()


def _pastikan_boleh_isi(user, opd_id: int, tahun: int, triwulan: int) -> None:
    pelaporan = _pelaporan(opd_id, tahun, triwulan, kunci=True)
    status = status_isian(
        opd_id=opd_id,
        tahun=tahun,
        triwulan=triwulan,
        jadwal=_jadwal(tahun, triwulan),
        status=pelaporan.status,
    )
    if not status.boleh:
        raise ValidationError(status.alasan, code="tertutup")


def _periksa_tahun(indikator: Indikator, tahun: int, triwulan: int) -> None:
    periode = indikator.periode
    if not (periode.tahun_awal <= tahun <= periode.tahun_akhir) or triwulan not in (1, 2, 3, 4):
        raise ValidationError(_("Tahun atau triwulan di luar periode indikator."), code="periode")


def _baca_nilai(kolom: str, teks: str | None):
    teks = (teks or "").strip()
    if kolom == "nilai":
        return parse_angka(teks)  # ValidationError with the reason for a malformed or ambiguous number
    if len(teks) > MAKS_TEKS:
        raise ValidationError(
            _("Teks terlalu panjang (paling banyak %(n)s karakter).") % {"n": format_angka(MAKS_TEKS, 0)}
        )
    return teks


def _sama(a, b) -> bool:
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return (a is None and b is None) or (a is not None and b is not None and Decimal(a) == Decimal(b))
    return (a or "") == (b or "")


def _setelah_berubah(opd_id: int, tahun: int) -> None:
    for hook in SETELAH_BERUBAH:
        transaction.on_commit(lambda hook=hook: hook(opd_id, tahun))


@transaction.atomic
def simpan_realisasi(
    *, user, indikator: Indikator, tahun: int, triwulan: int, kolom: str, nilai: str | None, asal: str | None
) -> Realisasi:
    """Save one cell (the value or a narrative field) of one indicator's triwulan realization."""
    if kolom not in KOLOM_REALISASI:
        raise ValidationError(_("Kolom tidak dikenal."))
    _periksa_tahun(indikator, tahun, triwulan)
    baru = _baca_nilai(kolom, nilai)
    lama = _baca_nilai(kolom, asal) if asal not in (None, "") else (None if kolom == "nilai" else "")
    realisasi, _created = Realisasi.objects.get_or_create(indikator=indikator, tahun=tahun, triwulan=triwulan)
    access.require(user, access.CHANGE, realisasi)
    _pastikan_boleh_isi(user, indikator.opd_id, tahun, triwulan)
    realisasi = Realisasi.objects.select_for_update().get(pk=realisasi.pk)
    sekarang = getattr(realisasi, kolom)
    if not _sama(sekarang, lama):
        raise Konflik(sekarang)
    if not _sama(sekarang, baru):
        setattr(realisasi, kolom, baru)
        realisasi.diubah_oleh = user
        realisasi.save(update_fields=[kolom, "diubah_oleh", "diubah"])
        if kolom == "nilai":
            _setelah_berubah(indikator.opd_id, tahun)
    return realisasi


@transaction.atomic
def simpan_anggaran(
    *, user, nomenklatur: Nomenklatur, tahun: int, triwulan: int, nilai: str | None, asal: str | None
) -> RealisasiAnggaran:
    """Save the Rp spent on a program/kegiatan/sub kegiatan in one triwulan (compare-and-set)."""
    baru = parse_angka((nilai or "").replace("Rp", "").strip())
    lama = parse_angka((asal or "").replace("Rp", "").strip())
    if baru is not None and baru < 0:
        raise ValidationError(_("Realisasi anggaran tidak boleh negatif."))
    baris, _created = RealisasiAnggaran.objects.get_or_create(
        nomenklatur=nomenklatur, tahun=tahun, triwulan=triwulan
    )
    access.require(user, access.CHANGE, baris)
    _pastikan_boleh_isi(user, nomenklatur.opd_id, tahun, triwulan)
    baris = RealisasiAnggaran.objects.select_for_update().get(pk=baris.pk)
    if not _sama(baris.nilai, lama):
        raise Konflik(baris.nilai)
    if not _sama(baris.nilai, baru):
        baris.nilai = baru
        baris.diubah_oleh = user
        baris.save(update_fields=["nilai", "diubah_oleh", "diubah"])
        _setelah_berubah(nomenklatur.opd_id, tahun)
    return baris


@transaction.atomic
def unggah_bukti(*, user, indikator: Indikator, tahun: int, triwulan: int, berkas) -> BuktiDukung:
    _periksa_tahun(indikator, tahun, triwulan)
    jenis = periksa_berkas(berkas, JENIS_BUKTI)
    realisasi, _created = Realisasi.objects.get_or_create(indikator=indikator, tahun=tahun, triwulan=triwulan)
    bukti = BuktiDukung(
        realisasi=realisasi,
        token=token_berkas(),
        nama_asli=nama_aman(berkas.name),
        jenis_mime=jenis.mime,
        ukuran=berkas.size,
        diunggah_oleh=user,
    )
    access.require(user, access.ADD, bukti)
    _pastikan_boleh_isi(user, indikator.opd_id, tahun, triwulan)
    bukti.berkas.save(f"{bukti.token}.{jenis.ekstensi}", berkas, save=False)
    try:
        bukti.save()
    except Exception:
        bukti.berkas.storage.delete(bukti.berkas.name)  # no file without its row
        raise
    _setelah_berubah(indikator.opd_id, tahun)  # completeness with evidence
    return bukti


@transaction.atomic
def hapus_bukti(*, user, bukti: BuktiDukung) -> None:
    access.require(user, access.DELETE, bukti)
    realisasi = bukti.realisasi
    _pastikan_boleh_isi(user, realisasi.indikator.opd_id, realisasi.tahun, realisasi.triwulan)
    name, storage = bukti.berkas.name, bukti.berkas.storage
    bukti.delete()
    transaction.on_commit(lambda: storage.delete(name))
    _setelah_berubah(realisasi.indikator.opd_id, realisasi.tahun)


def boleh_mengajukan(user, opd_id: int) -> bool:
    roles = access.roles_of(user)
    return any(opd_id in roles.opd_roles.get(peran, ()) for peran in settings.SIPD_PENGAJUAN_OLEH)


def _catat(pelaporan: PelaporanTriwulan, dari: str, ke: str, user, catatan: str = "") -> None:
    RiwayatPelaporan.objects.create(pelaporan=pelaporan, dari=dari, ke=ke, oleh=user, catatan=catatan)


def indikator_belum_lengkap(opd_id: int, tahun: int, triwulan: int):
    """Indicators with neither a value nor an explanation (faktor penghambat) for the triwulan."""
    terisi = Realisasi.objects.filter(tahun=tahun, triwulan=triwulan).filter(
        Q(nilai__isnull=False) | ~Q(faktor_penghambat="")
    )
    return (
        Indikator.objects.filter(
            opd_id=opd_id, periode__tahun_awal__lte=tahun, periode__tahun_akhir__gte=tahun
        )
        .exclude(pk__in=terisi.values("indikator_id"))
        .order_by("urutan", "kode")
    )


def _penerima_bappeda():
    from sipd.models import User

    return User.objects.filter(is_active=True, daftar_peran__peran=Peran.BAPPEDA).distinct()


def _penerima_opd(opd_id: int):
    from sipd.models import User

    return User.objects.filter(
        is_active=True,
        daftar_peran__opd_id=opd_id,
        daftar_peran__peran__in=[Peran.KEPALA_OPD, Peran.OPERATOR_OPD],
    ).distinct()


@transaction.atomic
def ajukan(*, user, opd: Opd, tahun: int, triwulan: int, tautan: str = "") -> PelaporanTriwulan:
    """The OPD submits its triwulan to Bappeda."""
    pelaporan = _pelaporan(opd.pk, tahun, triwulan, kunci=True)
    access.require(user, access.VIEW, pelaporan)
    if not boleh_mengajukan(user, opd.pk):
        raise PermissionDenied(_("Anda tidak berwenang mengajukan laporan OPD ini."))
    if pelaporan.status not in STATUS_DAPAT_DIUBAH:
        raise ValidationError(_("Laporan ini sudah %(status)s.") % {"status": pelaporan.get_status_display()})
    kurang = list(indikator_belum_lengkap(opd.pk, tahun, triwulan).values_list("nama", flat=True)[:50])
    if kurang:
        raise ValidationError(
            _("%(n)s indikator belum diisi realisasinya (atau penjelasan faktor penghambat): %(daftar)s")
            % {"n": len(kurang), "daftar": "; ".join(kurang[:10]) + (" …" if len(kurang) > 10 else "")},
            code="belum_lengkap",
        )
    dari = pelaporan.status
    pelaporan.status = StatusPelaporan.DIAJUKAN
    pelaporan.diajukan_oleh, pelaporan.diajukan = user, timezone.now()
    pelaporan.save(update_fields=["status", "diajukan_oleh", "diajukan"])
    CatatanVerifikasi.objects.filter(pelaporan=pelaporan, selesai=False).update(selesai=True)
    _catat(pelaporan, dari, pelaporan.status, user)
    kirim_notifikasi(
        penerima=_penerima_bappeda(),
        judul=_("Laporan triwulan diajukan"),
        pesan=_("%(opd)s mengajukan realisasi %(tahun)s triwulan %(tw)s.")
        % {"opd": opd.singkatan or opd.nama, "tahun": tahun, "tw": triwulan},
        tautan=tautan,
    )
    return pelaporan


@transaction.atomic
def kembalikan(
    *,
    user,
    pelaporan: PelaporanTriwulan,
    catatan: Mapping[int, str],
    catatan_umum: str = "",
    tautan: str = "",
) -> PelaporanTriwulan:
    """Bappeda returns a submitted report, with a comment on at least one indicator."""
    pelaporan = PelaporanTriwulan.objects.select_for_update().get(pk=pelaporan.pk)
    access.require(user, "verifikasi", pelaporan)
    if pelaporan.status != StatusPelaporan.DIAJUKAN:
        raise ValidationError(_("Hanya laporan yang diajukan yang dapat dikembalikan."))
    catatan = {int(k): v.strip() for k, v in catatan.items() if v and v.strip()}
    if not catatan:
        raise ValidationError(_("Tuliskan catatan pada sedikitnya satu indikator yang perlu diperbaiki."))
    sah = set(Indikator.objects.filter(opd_id=pelaporan.opd_id, pk__in=catatan).values_list("pk", flat=True))
    if sah != set(catatan):
        raise ValidationError(_("Catatan untuk indikator di luar OPD ini tidak diterima."))
    CatatanVerifikasi.objects.bulk_create(
        [
            CatatanVerifikasi(pelaporan=pelaporan, indikator_id=k, catatan=v, oleh=user)
            for k, v in catatan.items()
        ]
    )
    dari = pelaporan.status
    pelaporan.status = StatusPelaporan.DIKEMBALIKAN
    pelaporan.save(update_fields=["status"])
    _catat(pelaporan, dari, pelaporan.status, user, catatan_umum)
    _setelah_berubah(pelaporan.opd_id, pelaporan.tahun)
    kirim_notifikasi(
        penerima=_penerima_opd(pelaporan.opd_id),
        judul=_("Laporan triwulan dikembalikan"),
        pesan=_("Bappeda mengembalikan realisasi %(tahun)s triwulan %(tw)s dengan %(n)s catatan.")
        % {"tahun": pelaporan.tahun, "tw": pelaporan.triwulan, "n": len(catatan)},
        tautan=tautan,
    )
    return pelaporan


@transaction.atomic
def verifikasi(*, user, pelaporan: PelaporanTriwulan, tautan: str = "") -> PelaporanTriwulan:
    pelaporan = PelaporanTriwulan.objects.select_for_update().get(pk=pelaporan.pk)
    access.require(user, "verifikasi", pelaporan)
    if pelaporan.status != StatusPelaporan.DIAJUKAN:
        raise ValidationError(_("Hanya laporan yang diajukan yang dapat diverifikasi."))
    dari = pelaporan.status
    pelaporan.status = StatusPelaporan.DIVERIFIKASI
    pelaporan.diverifikasi_oleh, pelaporan.diverifikasi = user, timezone.now()
    pelaporan.save(update_fields=["status", "diverifikasi_oleh", "diverifikasi"])
    _catat(pelaporan, dari, pelaporan.status, user)
    kirim_notifikasi(
        penerima=_penerima_opd(pelaporan.opd_id),
        judul=_("Laporan triwulan diverifikasi"),
        pesan=_("Bappeda memverifikasi realisasi %(tahun)s triwulan %(tw)s.")
        % {"tahun": pelaporan.tahun, "tw": pelaporan.triwulan},
        tautan=tautan,
    )
    _setelah_berubah(pelaporan.opd_id, pelaporan.tahun)
    return pelaporan


def _require_kelola_jadwal(user, jadwal: JadwalTriwulan) -> None:
    access.require(user, access.CHANGE, jadwal)


@transaction.atomic
def atur_jadwal(*, user, tahun: int, triwulan: int, mulai: datetime.date, selesai: datetime.date):
    if selesai < mulai:
        raise ValidationError(_("Batas pengisian harus sesudah tanggal dibuka."))
    jadwal = JadwalTriwulan.objects.select_for_update().filter(tahun=tahun, triwulan=triwulan).first()
    if jadwal is None:
        jadwal = JadwalTriwulan(tahun=tahun, triwulan=triwulan, mulai=mulai, selesai=selesai)
        if not access.can_any(user, access.ADD, JadwalTriwulan):
            raise PermissionDenied
    else:
        _require_kelola_jadwal(user, jadwal)
        jadwal.mulai, jadwal.selesai = mulai, selesai
    jadwal.save()
    return jadwal


@transaction.atomic
def kunci(*, user, jadwal: JadwalTriwulan, terkunci: bool = True) -> JadwalTriwulan:
    jadwal = JadwalTriwulan.objects.select_for_update().get(pk=jadwal.pk)
    _require_kelola_jadwal(user, jadwal)
    jadwal.terkunci = terkunci
    jadwal.dikunci_oleh, jadwal.dikunci = (user, timezone.now()) if terkunci else (None, None)
    jadwal.save(update_fields=["terkunci", "dikunci_oleh", "dikunci"])
    if not terkunci:
        # Unlocking the whole triwulan is recorded as an unlock for every OPD.
        BukaKunci.objects.create(
            jadwal=jadwal, opd=None, alasan=_("Kunci dibuka seluruhnya"), sampai=timezone.now(), oleh=user
        )
    return jadwal


@transaction.atomic
def buka_kunci(*, user, jadwal: JadwalTriwulan, opd: Opd | None, alasan: str, sampai) -> BukaKunci:
    """A recorded, time-limited unlock of a locked triwulan for one OPD (or all)."""
    jadwal = JadwalTriwulan.objects.select_for_update().get(pk=jadwal.pk)
    _require_kelola_jadwal(user, jadwal)
    if not jadwal.terkunci:
        raise ValidationError(_("Periode ini tidak terkunci."))
    if not (alasan or "").strip():
        raise ValidationError(_("Alasan membuka kunci wajib diisi."))
    if sampai <= timezone.now():
        raise ValidationError(_("Batas waktu buka kunci harus di masa depan."))
    return BukaKunci.objects.create(jadwal=jadwal, opd=opd, alasan=alasan.strip(), sampai=sampai, oleh=user)
