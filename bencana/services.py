"""Writes of the bencana app: keyword-only, atomic, access checked inside, side effects after commit."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bencana import calculations, selectors
from bencana.choices import SEBUTAN_KEPALA_PELAKSANA, DasarPenugasan
from bencana.models import (
    FotoKejadian,
    FotoLaporan,
    KejadianBencana,
    KlaimPenugasan,
    LaporanHarian,
    Penugasan,
    PerpanjanganStatus,
    StatusDarurat,
)
from opd import klaim_services
from opd.klaim_choices import ProgramBpjs
from opd.models import KlaimBpjs, Opd, Pegawai, PenugasanPeran
from sipd import access
from sipd.notifications import kirim_notifikasi
from sipd.roles import Peran
from sipd.uploads import FOTO, nama_berkas, periksa_berkas

SATU_HARI = datetime.timedelta(days=1)


def _tgl(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def _require_kelola(user, kejadian: KejadianBencana) -> None:
    access.require(user, access.CHANGE, kejadian)


# --- Disasters ---------------------------------------------------------------------------------------------
@transaction.atomic
def simpan_kejadian(*, user, form) -> KejadianBencana:
    """Create (owned by the BPBD) or change a disaster from a validated KejadianForm."""
    kejadian = form.instance
    if kejadian.pk:
        _require_kelola(user, kejadian)
    else:
        bpbd = selectors.opd_bpbd()
        if bpbd is None:
            raise ValidationError(
                _("OPD BPBD (%(kode)s) belum terdaftar; hubungi Admin.") % {"kode": settings.SIPD_OPD_BPBD}
            )
        kejadian.opd = bpbd
        kejadian.dibuat_oleh = user
        access.require(user, access.ADD, kejadian)
    return form.save()


@transaction.atomic
def tambah_foto_kejadian(*, user, kejadian: KejadianBencana, berkas, keterangan: str = "") -> FotoKejadian:
    _require_kelola(user, kejadian)
    jenis = periksa_berkas(berkas, FOTO)
    berkas.name = nama_berkas(jenis)
    return FotoKejadian.objects.create(
        kejadian=kejadian, berkas=berkas, keterangan=keterangan, diunggah_oleh=user
    )


# --- Status decrees ----------------------------------------------------------------------------------------
@dataclass
class HasilPenugasan:
    dibuat: list[Penugasan] = field(default_factory=list)
    dilewati: list[tuple[Pegawai, str]] = field(default_factory=list)
    sudah: bool = False


@transaction.atomic
def buat_status(
    *, user, kejadian: KejadianBencana, status: str, nomor_sk: str, tanggal_sk, mulai, selesai
) -> tuple[StatusDarurat, HasilPenugasan | None]:
    """Record a status decree. A new decree supersedes the one in force (it ends the day before); one that
    has started creates the duty assignments at once, a later one on its first day (beat task)."""
    _require_kelola(user, kejadian)
    KejadianBencana.objects.select_for_update().get(pk=kejadian.pk)  # one decree change at a time
    if selesai < mulai:
        raise ValidationError({"selesai": _("Tanggal berakhir tidak boleh sebelum tanggal mulai.")})
    berlaku = list(kejadian.status_darurat.filter(berakhir__gte=mulai).order_by("mulai"))
    for lama in berlaku:
        if lama.mulai >= mulai:
            raise ValidationError(
                {"mulai": _("Status %(status)s (SK %(sk)s) mulai %(tgl)s; status baru mulai sesudahnya.")
                 % {"status": lama.get_status_display(), "sk": lama.nomor_sk, "tgl": _tgl(lama.mulai)}}
            )  # fmt: skip
        _akhiri_status(lama, mulai - SATU_HARI)
    baru = StatusDarurat(
        kejadian=kejadian, status=status, nomor_sk=nomor_sk.strip(), tanggal_sk=tanggal_sk, mulai=mulai,
        selesai=selesai, berakhir=selesai, dibuat_oleh=user,
    )  # fmt: skip
    baru.full_clean()
    baru.save()
    hasil = None
    if settings.SIPD_BENCANA_PENUGASAN_OTOMATIS and mulai <= selectors.hari_ini():
        hasil = buat_penugasan_status(status=baru)
    return baru, hasil


def _akhiri_status(status: StatusDarurat, akhir: datetime.date) -> None:
    """A decree superseded by a new one ends on `akhir`, and so do its assignments still running then."""
    terlambat = status.penugasan.filter(mulai__gt=akhir)
    if terlambat.exists():
        raise ValidationError(
            _("Ada penugasan status %(status)s yang baru mulai sesudah %(tgl)s; akhiri atau ubah dulu.")
            % {"status": status.get_status_display(), "tgl": _tgl(akhir)}
        )
    status.penugasan.filter(selesai__gt=akhir).update(selesai=akhir, diubah=timezone.now())
    status.berakhir = akhir
    status.selesai = min(status.selesai, akhir)
    status.save(update_fields=["berakhir", "selesai"])


@transaction.atomic
def perpanjang_status(
    *, user, status: StatusDarurat, nomor_sk: str, tanggal_sk, berakhir_baru
) -> HasilPenugasan:
    """Extend a decree; assignments that ran to its end run to the new end (unless the person is on another
    duty by then: listed as skipped)."""
    _require_kelola(user, status.kejadian)
    status = StatusDarurat.objects.select_for_update().get(pk=status.pk)
    if berakhir_baru <= status.berakhir:
        raise ValidationError(
            {"berakhir_baru": _("Perpanjangan harus melewati %(tgl)s.") % {"tgl": _tgl(status.berakhir)}}
        )
    berikut = status.kejadian.status_darurat.filter(mulai__gt=status.mulai, mulai__lte=berakhir_baru).first()
    if berikut:
        raise ValidationError(
            {"berakhir_baru": _("Status %(status)s sudah berlaku mulai %(tgl)s.")
             % {"status": berikut.get_status_display(), "tgl": _tgl(berikut.mulai)}}
        )  # fmt: skip
    PerpanjanganStatus.objects.create(
        status_darurat=status, nomor_sk=nomor_sk.strip(), tanggal_sk=tanggal_sk,
        berakhir_lama=status.berakhir, berakhir_baru=berakhir_baru, dibuat_oleh=user,
    )  # fmt: skip
    ikut = list(
        status.penugasan.filter(selesai=status.berakhir, diakhiri__isnull=True).select_related("pegawai")
    )
    bentrok = _bentrok({p.pegawai_id for p in ikut}, status.berakhir + SATU_HARI, berakhir_baru)
    hasil = HasilPenugasan()
    diperpanjang = [p.pk for p in ikut if p.pegawai_id not in bentrok]
    Penugasan.objects.filter(pk__in=diperpanjang).update(selesai=berakhir_baru, diubah=timezone.now())
    hasil.dilewati = [(p.pegawai, bentrok[p.pegawai_id]) for p in ikut if p.pegawai_id in bentrok]
    status.berakhir = berakhir_baru
    status.save(update_fields=["berakhir"])
    return hasil


def _bentrok(pegawai_ids, mulai, selesai, *, kecuali=None) -> dict[int, str]:
    """People already on a duty overlapping [mulai, selesai]: pegawai id → where."""
    qs = Penugasan.objects.filter(pegawai_id__in=pegawai_ids, mulai__lte=selesai, selesai__gte=mulai)
    if kecuali is not None:
        qs = qs.exclude(pk=kecuali.pk)
    return {
        p.pegawai_id: _("bertugas pada %(kejadian)s (%(mulai)s–%(selesai)s)")
        % {"kejadian": p.status_darurat.kejadian.judul, "mulai": _tgl(p.mulai), "selesai": _tgl(p.selesai)}
        for p in qs.select_related("status_darurat__kejadian")
    }


# --- Duty assignments --------------------------------------------------------------------------------------
def pimpinan_opd_aktif() -> list[tuple[Opd, Pegawai]]:
    """Every active perangkat daerah (kecamatan included) with the head who acts now: the definitive head, or
    the Plt/Plh where the post is vacant. A person heading two OPDs is listed once, for the first."""
    hasil, dilihat = [], set()
    for opd in Opd.objects.filter(induk__isnull=True, aktif=True).select_related("kepala", "pelaksana"):
        kepala = opd.pimpinan
        if kepala is None or not kepala.aktif or kepala.pk in dilihat:
            continue
        dilihat.add(kepala.pk)
        hasil.append((opd, kepala))
    return hasil


@transaction.atomic
def buat_penugasan_status(*, status: StatusDarurat) -> HasilPenugasan:
    """The Perbup rule: every active OPD head on duty as Kepala Pelaksana BPBD for the decree's period.

    Exactly once per decree (the decree row is locked and marked; a unique constraint backs it): a second
    run changes nothing. Announced in-app and by email after commit."""
    status = StatusDarurat.objects.select_for_update().select_related("kejadian").get(pk=status.pk)
    if status.penugasan_dibuat is not None:
        return HasilPenugasan(sudah=True)
    bpbd = selectors.opd_bpbd()
    kepala = pimpinan_opd_aktif()
    bentrok = _bentrok([p.pk for _o, p in kepala], status.mulai, status.berakhir)
    hasil = HasilPenugasan()
    rows = []
    for opd, pegawai in kepala:
        if pegawai.pk in bentrok:
            hasil.dilewati.append((pegawai, bentrok[pegawai.pk]))
            continue
        rows.append(
            Penugasan(
                status_darurat=status, pegawai=pegawai, opd=opd, dasar=DasarPenugasan.OTOMATIS,
                unit=calculations.unit_bawaan(opd.urusan, bpbd=bpbd is not None and opd.pk == bpbd.pk),
                sebutan=str(SEBUTAN_KEPALA_PELAKSANA), mulai=status.mulai, selesai=status.berakhir,
            )
        )  # fmt: skip
    hasil.dibuat = Penugasan.objects.bulk_create(rows)
    status.penugasan_dibuat = timezone.now()
    status.save(update_fields=["penugasan_dibuat"])
    _umumkan(hasil.dibuat, status)
    return hasil


def _penerima(penugasan: list[Penugasan]) -> dict[int, set]:
    """Who hears of each assignment: the assignee's own account and the Kepala OPD accounts of its OPD."""
    from sipd.models import User

    by_opd: dict[int, set[int]] = {}
    for user_id, opd_id in PenugasanPeran.objects.filter(
        peran=Peran.KEPALA_OPD, opd_id__in={p.opd_id for p in penugasan}
    ).values_list("user_id", "opd_id"):
        by_opd.setdefault(opd_id, set()).add(user_id)
    akun = dict(Pegawai.objects.filter(pk__in=[p.pegawai_id for p in penugasan]).values_list("pk", "user_id"))
    ids = {p.pk: ({akun.get(p.pegawai_id)} | by_opd.get(p.opd_id, set())) - {None} for p in penugasan}
    users = User.objects.in_bulk(set().union(*ids.values()) if ids else set())
    return {
        pk: {users[i] for i in user_ids if i in users and users[i].is_active} for pk, user_ids in ids.items()
    }


def _umumkan(penugasan: list[Penugasan], status: StatusDarurat) -> None:
    if not penugasan:
        return
    penerima = _penerima(penugasan)
    judul = _("Penugasan bencana: %(status)s %(kejadian)s") % {
        "status": status.get_status_display(), "kejadian": status.kejadian.judul,
    }  # fmt: skip
    for p in penugasan:
        if not penerima[p.pk]:
            continue
        pesan = _(
            "%(nama)s ditugaskan sebagai %(sebutan)s, %(unit)s, %(mulai)s s.d. %(selesai)s (SK %(sk)s). "
            "Nyatakan siap dan kirim laporan harian setiap hari selama bertugas."
        ) % {
            "nama": p.pegawai.nama, "sebutan": p.sebutan, "unit": p.get_unit_display(),
            "mulai": _tgl(p.mulai), "selesai": _tgl(p.selesai), "sk": status.nomor_sk,
        }  # fmt: skip
        tautan = reverse("bencana-penugasan-detail", args=[p.pk])
        kirim_notifikasi(penerima=penerima[p.pk], judul=judul, pesan=pesan, tautan=tautan)


def _simpan_penugasan(penugasan: Penugasan) -> Penugasan:
    """Save with the friendly message first and the database constraints as the backstop."""
    bentrok = _bentrok([penugasan.pegawai_id], penugasan.mulai, penugasan.selesai, kecuali=penugasan)
    if bentrok:
        raise ValidationError(
            _("%(nama)s sudah %(tempat)s; penugasan yang tumpang tindih ditolak.")
            % {"nama": penugasan.pegawai.nama, "tempat": bentrok[penugasan.pegawai_id]}
        )
    try:
        with transaction.atomic():
            penugasan.save()
    except IntegrityError:
        raise ValidationError(
            _("%(nama)s sudah ditugaskan pada status ini.") % {"nama": penugasan.pegawai.nama}
        ) from None
    return penugasan


@transaction.atomic
def tambah_penugasan(
    *, user, status: StatusDarurat, pegawai: Pegawai, unit: str, sebutan: str, mulai, selesai
) -> Penugasan:
    """BPBD adds a staff member to the duty roster of a decree."""
    _require_kelola(user, status.kejadian)
    if not (status.mulai <= mulai <= selesai <= status.berakhir):
        raise ValidationError(
            _("Periode penugasan harus di dalam periode status (%(mulai)s–%(selesai)s).")
            % {"mulai": _tgl(status.mulai), "selesai": _tgl(status.berakhir)}
        )
    penugasan = Penugasan(
        status_darurat=status, pegawai=pegawai, opd_id=pegawai.opd_id, unit=unit, sebutan=sebutan,
        dasar=DasarPenugasan.DITAMBAHKAN, mulai=mulai, selesai=selesai,
    )  # fmt: skip
    _simpan_penugasan(penugasan)
    _umumkan([penugasan], status)
    return penugasan


@transaction.atomic
def ubah_penugasan(
    *, user, penugasan: Penugasan, unit: str, sebutan: str, akhiri_pada=None, catatan: str = ""
) -> Penugasan:
    """BPBD re-assigns (unit, role) or ends an assignment early."""
    _require_kelola(user, penugasan.status_darurat.kejadian)
    penugasan = Penugasan.objects.select_for_update().select_related("pegawai").get(pk=penugasan.pk)
    penugasan.unit, penugasan.sebutan, penugasan.catatan = unit, sebutan, catatan
    if akhiri_pada is not None:
        if not penugasan.mulai <= akhiri_pada <= penugasan.selesai:
            raise ValidationError(
                {"akhiri_pada": _("Tanggal diakhiri harus antara %(mulai)s dan %(selesai)s.")
                 % {"mulai": _tgl(penugasan.mulai), "selesai": _tgl(penugasan.selesai)}}
            )  # fmt: skip
        penugasan.selesai = akhiri_pada
        penugasan.diakhiri = timezone.now()
    penugasan.save()
    return penugasan


@transaction.atomic
def nyatakan_siap(*, user, penugasan: Penugasan) -> Penugasan:
    """The head (or the OPD's operator for them) acknowledges: "siap". A second click changes nothing."""
    access.require(user, access.CHANGE, penugasan)
    penugasan = Penugasan.objects.select_for_update().get(pk=penugasan.pk)
    if penugasan.siap is None:
        penugasan.siap, penugasan.siap_oleh = timezone.now(), user
        penugasan.save(update_fields=["siap", "siap_oleh", "diubah"])
    return penugasan


@transaction.atomic
def kirim_laporan(*, user, penugasan: Penugasan, foto=(), **isi) -> LaporanHarian:
    """A daily report of one duty day, with photos (checked by content)."""
    access.require(user, access.CHANGE, penugasan)
    tanggal = isi["tanggal"]
    if not penugasan.mulai <= tanggal <= penugasan.selesai:
        raise ValidationError({"tanggal": _("Tanggal di luar periode penugasan.")})
    if tanggal > selectors.hari_ini():
        raise ValidationError({"tanggal": _("Laporan tidak boleh untuk tanggal yang akan datang.")})
    if LaporanHarian.objects.filter(penugasan=penugasan, tanggal=tanggal).exists():
        raise ValidationError({"tanggal": _("Laporan untuk tanggal ini sudah dikirim.")})
    jenis = [periksa_berkas(f, FOTO) for f in foto]
    laporan = LaporanHarian.objects.create(penugasan=penugasan, dibuat_oleh=user, **isi)
    for berkas, j in zip(foto, jenis, strict=True):
        berkas.name = nama_berkas(j)
        FotoLaporan.objects.create(laporan=laporan, berkas=berkas)
    return laporan


@transaction.atomic
def kirim_pengingat_laporan(*, tanggal: datetime.date | None = None) -> int:
    """Remind, once a day, the assignments on duty today that have no report for today yet."""
    tanggal = tanggal or selectors.hari_ini()
    belum = list(
        Penugasan.objects.select_for_update(skip_locked=True)
        .filter(mulai__lte=tanggal, selesai__gte=tanggal)
        .exclude(laporan__tanggal=tanggal)
        .filter(Q(pengingat_terakhir__isnull=True) | Q(pengingat_terakhir__lt=tanggal))
        .select_related("status_darurat__kejadian", "pegawai")
    )
    if not belum:
        return 0
    penerima = _penerima(belum)
    for p in belum:
        if penerima[p.pk]:
            kirim_notifikasi(
                penerima=penerima[p.pk],
                judul=_("Laporan harian %(tgl)s belum dikirim") % {"tgl": _tgl(tanggal)},
                pesan=_("Penugasan %(nama)s pada %(kejadian)s menunggu laporan harian hari ini.")
                % {"nama": p.pegawai.nama, "kejadian": p.status_darurat.kejadian.judul},
                tautan=reverse("bencana-penugasan-detail", args=[p.pk]),
            )
    Penugasan.objects.filter(pk__in=[p.pk for p in belum]).update(pengingat_terakhir=tanggal)
    return len(belum)


def penugasan_status_mulai(*, tanggal: datetime.date | None = None) -> int:
    """Decrees that have started and still lack their assignments get them (the beat task)."""
    if not settings.SIPD_BENCANA_PENUGASAN_OTOMATIS:
        return 0
    tanggal = tanggal or selectors.hari_ini()
    jumlah = 0
    for status in StatusDarurat.objects.filter(
        penugasan_dibuat__isnull=True, mulai__lte=tanggal, berakhir__gte=tanggal
    ):
        jumlah += len(buat_penugasan_status(status=status).dibuat)
    return jumlah


# --- BPJS claims of duty accidents -------------------------------------------------------------------------
@transaction.atomic
def tautkan_klaim(*, user, penugasan: Penugasan, klaim: KlaimBpjs) -> KlaimPenugasan:
    """Link a JKK claim to the duty assignment during which the accident happened."""
    tautan = KlaimPenugasan(klaim=klaim, penugasan=penugasan)
    access.require(user, access.ADD, tautan)
    access.require(user, access.CHANGE, klaim)
    if klaim.program != ProgramBpjs.JKK:
        raise ValidationError(_("Hanya klaim JKK (kecelakaan kerja) yang dapat ditautkan ke penugasan."))
    if klaim.pegawai_id != penugasan.pegawai_id:
        raise ValidationError(_("Klaim ini milik pegawai lain."))
    tanggal = timezone.localdate(klaim.waktu_kejadian)
    if not penugasan.mulai <= tanggal <= penugasan.selesai:
        raise ValidationError(_("Kecelakaan tidak terjadi dalam periode penugasan."))
    if KlaimPenugasan.objects.filter(klaim=klaim).exists():
        raise ValidationError(_("Klaim ini sudah ditautkan."))
    tautan.save()
    status = penugasan.status_darurat
    klaim_services.catat_rujukan(
        user=user,
        klaim=klaim,
        rujukan=_("Penugasan %(status)s %(kejadian)s, %(unit)s")
        % {
            "status": status.get_status_display(),
            "kejadian": status.kejadian.judul,
            "unit": penugasan.get_unit_display(),
        },
        tautan=reverse("bencana-penugasan-detail", args=[penugasan.pk]),
    )
    return tautan
