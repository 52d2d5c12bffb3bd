"""Service requests on the SLA clock: open, accept, ask for requirements, complete, reject, and the beat."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opd.models import Opd
from sipd import access
from sipd.notifications import kirim_notifikasi
from sipd.roles import Peran
from sla.calculations import Jam
from sla.choices import JenisPeristiwa, StatusPermohonan, StatusSla
from sla.models import JedaPermohonan, Peristiwa, Permohonan, Sla
from sla.selectors import kalender_kerja
from sla.services.umum import pengguna_opd, peran_di, periksa_lampiran, simpan_lampiran

S = StatusPermohonan


def _tautan(permohonan: Permohonan) -> str:
    return reverse("sla-permohonan-detail", args=[permohonan.pk])


def _waktu(value: dt.datetime) -> str:
    return date_format(timezone.localtime(value), "j F Y H:i")


def _kabari(permohonan: Permohonan, opd_id: int, judul: str, pesan: str = "", *, email=True, kepala=False):
    penerima = pengguna_opd([opd_id], {Peran.KEPALA_OPD}, kepala=True) if kepala else pengguna_opd([opd_id])
    kirim_notifikasi(
        penerima=penerima,
        judul=f"{permohonan.nomor}: {judul}",
        pesan=pesan,
        tautan=_tautan(permohonan),
        email=email,
    )


def _kunci(permohonan: Permohonan, user, pihak: str) -> Permohonan:
    """The row locked for the change, after checking the user works for the side that acts."""
    permohonan = access.get_visible_or_404(
        Permohonan.objects.select_for_update(of=("self",)).select_related("sla", "penyedia", "pemohon"),
        user,
        access.CHANGE,
        pk=permohonan.pk,
    )
    opd_id = permohonan.penyedia_id if pihak == "penyedia" else permohonan.pemohon_id
    if not peran_di(user, opd_id):
        raise access.PermissionDenied(
            _("Hanya penyedia layanan yang dapat melakukan ini.")
            if pihak == "penyedia"
            else _("Hanya pemohon yang dapat melakukan ini.")
        )
    return permohonan


def _harus(permohonan: Permohonan, *status) -> None:
    if permohonan.status not in status:
        raise ValidationError(
            _("Permohonan berstatus %(status)s; langkah ini tidak dapat dilakukan.")
            % {"status": permohonan.get_status_display()}
        )


def _catat(permohonan, jenis, user, now, catatan="") -> Peristiwa:
    return Peristiwa.objects.create(permohonan=permohonan, jenis=jenis, oleh=user, waktu=now, catatan=catatan)


def _jam(permohonan: Permohonan) -> Jam:
    jeda = tuple(
        permohonan.jeda.filter(selesai__isnull=False).order_by("mulai").values_list("mulai", "selesai")
    )
    return Jam(
        mulai=permohonan.mulai, standar=permohonan.standar_waktu, satuan=permohonan.satuan_waktu, jeda=jeda
    )


@transaction.atomic
def ajukan_permohonan(
    *, user, sla: Sla, pemohon: Opd, perihal: str, uraian: str = "", lampiran=(), now=None
) -> Permohonan:
    """A receiving unit opens a request under an SLA in force, with its attachments."""
    now = now or timezone.now()
    if not peran_di(user, pemohon.pk):
        raise access.PermissionDenied(_("Anda tidak bertugas di perangkat daerah pemohon."))
    sla = Sla.objects.select_related("penyedia", "layanan").get(pk=sla.pk)
    today = timezone.localdate(now)
    if sla.status != StatusSla.BERLAKU or not (
        sla.berlaku_mulai <= today and (sla.berlaku_sampai is None or today <= sla.berlaku_sampai)
    ):
        raise ValidationError(_("SLA ini tidak sedang berlaku."))
    if pemohon.pk == sla.penyedia_id:
        raise ValidationError(_("Perangkat daerah tidak mengajukan permohonan kepada dirinya sendiri."))
    if not sla.penerima_semua and not sla.penerima.filter(pk=pemohon.pk).exists():
        raise ValidationError(_("%(opd)s bukan penerima layanan SLA ini.") % {"opd": pemohon.nama})
    diperiksa = periksa_lampiran(lampiran)
    permohonan = Permohonan(
        sla=sla, penyedia_id=sla.penyedia_id, pemohon=pemohon, perihal=perihal, uraian=uraian,
        standar_waktu=sla.standar_waktu, satuan_waktu=sla.satuan_waktu, diajukan_oleh=user,
        diajukan_pada=now, lengkap_pada=now,
    )  # fmt: skip
    permohonan.full_clean()
    permohonan.save()
    peristiwa = _catat(permohonan, JenisPeristiwa.DIAJUKAN, user, now, uraian)
    simpan_lampiran(permohonan=permohonan, diperiksa=diperiksa, user=user, peristiwa=peristiwa, now=now)
    _kabari(
        permohonan, sla.penyedia_id, _("permohonan layanan baru"),
        _("%(pemohon)s mengajukan %(layanan)s: %(perihal)s")
        % {"pemohon": pemohon.nama, "layanan": sla.layanan.nama, "perihal": perihal},
    )  # fmt: skip
    return permohonan


@transaction.atomic
def terima_permohonan(*, user, permohonan: Permohonan, now=None) -> Permohonan:
    """The provider finds the requirements complete: the clock runs from when the complete request arrived."""
    now = now or timezone.now()
    permohonan = _kunci(permohonan, user, "penyedia")
    _harus(permohonan, S.DIAJUKAN)
    permohonan.status, permohonan.mulai, permohonan.diterima_oleh = S.DIPROSES, permohonan.lengkap_pada, user
    permohonan.tenggat = _jam(permohonan).tenggat(kalender_kerja())
    permohonan.save(update_fields=["status", "mulai", "diterima_oleh", "tenggat", "diubah"])
    _catat(
        permohonan, JenisPeristiwa.DITERIMA, user, now, _("Tenggat %(t)s") % {"t": _waktu(permohonan.tenggat)}
    )
    _kabari(
        permohonan, permohonan.pemohon_id, _("diterima dan diproses"),
        _("Tenggat penyelesaian: %(t)s.") % {"t": _waktu(permohonan.tenggat)}, email=False,
    )  # fmt: skip
    return permohonan


@transaction.atomic
def minta_kelengkapan(*, user, permohonan: Permohonan, kekurangan: str, now=None) -> Permohonan:
    """The provider asks for missing requirements; a running clock pauses until they arrive."""
    now = now or timezone.now()
    if not kekurangan.strip():
        raise ValidationError({"kekurangan": _("Sebutkan persyaratan yang kurang.")})
    permohonan = _kunci(permohonan, user, "penyedia")
    _harus(permohonan, S.DIAJUKAN, S.DIPROSES)
    if permohonan.status == S.DIPROSES:
        JedaPermohonan.objects.create(permohonan=permohonan, mulai=now, kekurangan=kekurangan)
    permohonan.status = S.MENUNGGU_KELENGKAPAN
    permohonan.save(update_fields=["status", "diubah"])
    _catat(permohonan, JenisPeristiwa.KELENGKAPAN_DIMINTA, user, now, kekurangan)
    _kabari(permohonan, permohonan.pemohon_id, _("lengkapi persyaratan"), kekurangan)
    return permohonan


@transaction.atomic
def lengkapi_permohonan(
    *, user, permohonan: Permohonan, catatan: str = "", lampiran=(), now=None
) -> Permohonan:
    """The requester sends what was missing: back to the provider; a paused clock runs again."""
    now = now or timezone.now()
    permohonan = _kunci(permohonan, user, "pemohon")
    _harus(permohonan, S.MENUNGGU_KELENGKAPAN)
    diperiksa = periksa_lampiran(lampiran)
    if not diperiksa and not catatan.strip():
        raise ValidationError(_("Lampirkan berkas atau tulis keterangan kelengkapan."))
    fields = ["status", "diubah"]
    if permohonan.mulai is None:  # not accepted yet: the complete request arrives now
        permohonan.status, permohonan.lengkap_pada = S.DIAJUKAN, now
        fields.append("lengkap_pada")
    else:
        permohonan.jeda.filter(selesai__isnull=True).update(selesai=now)
        permohonan.status = S.DIPROSES
        permohonan.tenggat = _jam(permohonan).tenggat(kalender_kerja())
        fields.append("tenggat")
    permohonan.save(update_fields=fields)
    peristiwa = _catat(permohonan, JenisPeristiwa.DILENGKAPI, user, now, catatan)
    simpan_lampiran(permohonan=permohonan, diperiksa=diperiksa, user=user, peristiwa=peristiwa, now=now)
    _kabari(permohonan, permohonan.penyedia_id, _("persyaratan telah dilengkapi"), catatan, email=False)
    return permohonan


@transaction.atomic
def selesaikan_permohonan(*, user, permohonan: Permohonan, hasil: str, lampiran=(), now=None) -> Permohonan:
    """The provider delivers: the working time spent and whether it was within the standard are recorded."""
    now = now or timezone.now()
    if not hasil.strip():
        raise ValidationError({"hasil": _("Uraikan hasil layanan.")})
    permohonan = _kunci(permohonan, user, "penyedia")
    _harus(permohonan, S.DIPROSES)
    diperiksa = periksa_lampiran(lampiran)
    waktu, hari = _jam(permohonan).durasi(now, kalender_kerja())
    permohonan.status, permohonan.ditutup_pada, permohonan.hasil = S.SELESAI, now, hasil
    permohonan.durasi_menit = int(waktu.total_seconds() // 60)
    permohonan.durasi_hari = Decimal(str(hari))
    permohonan.tepat_waktu = now <= permohonan.tenggat
    permohonan.save(
        update_fields=[
            "status",
            "ditutup_pada",
            "hasil",
            "durasi_menit",
            "durasi_hari",
            "tepat_waktu",
            "diubah",
        ]
    )
    peristiwa = _catat(permohonan, JenisPeristiwa.SELESAI, user, now, hasil)
    simpan_lampiran(permohonan=permohonan, diperiksa=diperiksa, user=user, peristiwa=peristiwa, now=now)
    _kabari(permohonan, permohonan.pemohon_id, _("selesai"), hasil)
    return permohonan


@transaction.atomic
def tolak_permohonan(*, user, permohonan: Permohonan, alasan: str, now=None) -> Permohonan:
    now = now or timezone.now()
    if not alasan.strip():
        raise ValidationError({"alasan": _("Alasan penolakan wajib diisi.")})
    permohonan = _kunci(permohonan, user, "penyedia")
    _harus(permohonan, S.DIAJUKAN, S.MENUNGGU_KELENGKAPAN, S.DIPROSES)
    permohonan.jeda.filter(selesai__isnull=True).update(selesai=now)
    permohonan.status, permohonan.ditutup_pada, permohonan.alasan_tolak = S.DITOLAK, now, alasan
    permohonan.save(update_fields=["status", "ditutup_pada", "alasan_tolak", "diubah"])
    _catat(permohonan, JenisPeristiwa.DITOLAK, user, now, alasan)
    _kabari(permohonan, permohonan.pemohon_id, _("ditolak"), alasan)
    return permohonan


@transaction.atomic
def batalkan_permohonan(*, user, permohonan: Permohonan, alasan: str = "", now=None) -> Permohonan:
    """The requester withdraws a request the provider has not started on."""
    now = now or timezone.now()
    permohonan = _kunci(permohonan, user, "pemohon")
    _harus(permohonan, S.DIAJUKAN, S.MENUNGGU_KELENGKAPAN)
    permohonan.jeda.filter(selesai__isnull=True).update(selesai=now)
    permohonan.status, permohonan.ditutup_pada = S.DIBATALKAN, now
    permohonan.save(update_fields=["status", "ditutup_pada", "diubah"])
    _catat(permohonan, JenisPeristiwa.DIBATALKAN, user, now, alasan)
    _kabari(permohonan, permohonan.penyedia_id, _("dibatalkan pemohon"), alasan, email=False)
    return permohonan


def aksi_tersedia(user, permohonan: Permohonan) -> set[str]:
    """The steps this user may take on this request now (the page shows these buttons)."""
    aksi: set[str] = set()
    if peran_di(user, permohonan.penyedia_id):
        aksi |= {
            S.DIAJUKAN: {"terima", "kelengkapan", "tolak"},
            S.DIPROSES: {"selesaikan", "kelengkapan", "tolak"},
            S.MENUNGGU_KELENGKAPAN: {"tolak"},
        }.get(permohonan.status, set())
    if peran_di(user, permohonan.pemohon_id):
        aksi |= {
            S.MENUNGGU_KELENGKAPAN: {"lengkapi", "batalkan"},
            S.DIAJUKAN: {"batalkan"},
        }.get(permohonan.status, set())
    return aksi


# ---------------------------------------------------------------------------------------------------------
# The beat: reminders before the due time, breach flags and escalation at it.
# ---------------------------------------------------------------------------------------------------------
@transaction.atomic
def periksa_tenggat(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Remind providers of requests due soon, flag those past due and escalate them to the provider's head.

    Each request is reminded and flagged once (the timestamps), rows another run holds are skipped, so two
    beats at once or a task delivered twice send nothing twice.
    """
    now = now or timezone.now()
    jalan = Permohonan.objects.filter(status=S.DIPROSES).select_related("sla", "sla__layanan", "pemohon")
    segera = list(
        jalan.filter(
            pengingat_pada__isnull=True,
            tenggat__gt=now,
            tenggat__lte=now + dt.timedelta(hours=settings.SIPD_SLA_PENGINGAT_JAM),
        ).select_for_update(skip_locked=True, of=("self",))
    )
    lewat = list(
        jalan.filter(terlambat_pada__isnull=True, tenggat__lte=now).select_for_update(
            skip_locked=True, of=("self",)
        )
    )
    Permohonan.objects.filter(pk__in=[p.pk for p in segera]).update(pengingat_pada=now, diubah=now)
    Permohonan.objects.filter(pk__in=[p.pk for p in lewat]).update(terlambat_pada=now, diubah=now)
    Peristiwa.objects.bulk_create(
        [Peristiwa(permohonan=p, jenis=JenisPeristiwa.PENGINGAT, waktu=now) for p in segera]
        + [Peristiwa(permohonan=p, jenis=JenisPeristiwa.TERLAMBAT, waktu=now) for p in lewat]
    )
    for p in segera:
        _kabari(
            p, p.penyedia_id, _("tenggat segera tiba"),
            _("%(layanan)s untuk %(pemohon)s jatuh tempo %(t)s.")
            % {"layanan": p.sla.layanan.nama, "pemohon": p.pemohon.nama, "t": _waktu(p.tenggat)},
        )  # fmt: skip
    for p in lewat:
        kontak = "; ".join(
            " ".join(str(k.get(f, "")) for f in ("nama", "jabatan", "kontak")).strip()
            for k in p.sla.kontak_eskalasi or []
        )
        pesan = _("%(layanan)s untuk %(pemohon)s melewati tenggat %(t)s.") % {
            "layanan": p.sla.layanan.nama, "pemohon": p.pemohon.nama, "t": _waktu(p.tenggat),
        }  # fmt: skip
        if kontak:
            pesan += " " + _("Kontak eskalasi: %(kontak)s.") % {"kontak": kontak}
        _kabari(p, p.penyedia_id, _("eskalasi: melewati tenggat SLA"), pesan, kepala=True)
        _kabari(p, p.pemohon_id, _("melewati tenggat SLA"), pesan, email=False)
    return {"pengingat": len(segera), "terlambat": len(lewat)}


def tenggat_berjalan(permohonan: Permohonan, now=None) -> dict:
    """For the page: is the clock running, paused or stopped, and is the request late?"""
    now = now or timezone.now()
    terlambat = bool(
        permohonan.tenggat
        and (
            (permohonan.status == S.DIPROSES and permohonan.tenggat < now)
            or (permohonan.status == S.SELESAI and not permohonan.tepat_waktu)
        )
    )
    return {
        "terlambat": terlambat,
        "jeda": permohonan.status == S.MENUNGGU_KELENGKAPAN and bool(permohonan.mulai),
    }
