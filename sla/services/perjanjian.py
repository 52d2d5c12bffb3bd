"""Writes on the catalogue, the agreements and their signatures, and the local holidays."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opd.choices import JenisOpd
from opd.models import Opd
from sipd import access
from sipd.notifications import kirim_notifikasi
from sipd.roles import Peran
from sipd.tasks import antre_setelah_commit
from sla.choices import Pihak, StatusSla
from sla.models import Layanan, LiburDaerah, Sla, TandaTangan
from sla.services.umum import pengguna_opd

ISI_SLA = (
    "layanan", "penerima_semua", "persyaratan", "standar_waktu", "satuan_waktu", "keluaran", "ukuran_mutu",
    "kontak_eskalasi", "berlaku_mulai", "berlaku_sampai",
)  # fmt: skip


@transaction.atomic
def simpan_layanan(*, user, layanan: Layanan) -> Layanan:
    access.require(user, access.CHANGE if layanan.pk else access.ADD, layanan)
    layanan.full_clean()
    layanan.save()
    return layanan


def _nomor_baru(penyedia: Opd, tahun: int) -> str:
    """SLA/<singkatan>/<tahun>/<urut>: the next number of the provider in that year."""
    awalan = f"SLA/{(penyedia.singkatan or str(penyedia.pk)).upper().replace(' ', '')}/{tahun}/"
    terakhir = Sla.objects.filter(nomor__startswith=awalan).aggregate(n=Max("nomor"))["n"]
    urut = int(terakhir.rsplit("/", 1)[1]) + 1 if terakhir else 1
    return f"{awalan}{urut:03d}"


def _isi(sla: Sla, data: dict, penerima) -> None:
    for name in ISI_SLA:
        if name in data:
            setattr(sla, name, data[name])
    sla.penyedia_id = sla.layanan.penyedia_id
    sla.full_clean(exclude=["penerima", "nomor"])
    if not sla.penerima_semua and not penerima:
        raise ValidationError({"penerima": _("Pilih perangkat daerah penerima, atau centang semua.")})
    if any(opd.pk == sla.penyedia_id for opd in penerima):
        raise ValidationError({"penerima": _("Penyedia tidak menjadi penerima SLA-nya sendiri.")})


@transaction.atomic
def buat_sla(*, user, data: dict, penerima) -> Sla:
    """A new agreement, version 1, as a draft of the provider of its service."""
    sla = Sla(layanan=data["layanan"], penyedia_id=data["layanan"].penyedia_id, dibuat_oleh=user)
    access.require(user, access.ADD, sla)
    penerima = [] if data.get("penerima_semua") else list(penerima)
    _isi(sla, data, penerima)
    Opd.objects.select_for_update().filter(pk=sla.penyedia_id).get()  # numbers are handed out one at a time
    sla.nomor = _nomor_baru(sla.penyedia, timezone.localdate().year)
    sla.save()
    sla.penerima.set(penerima)
    return sla


@transaction.atomic
def ubah_sla(*, user, sla: Sla, data: dict, penerima) -> Sla:
    sla = Sla.objects.select_for_update().get(pk=sla.pk)
    access.require(user, access.CHANGE, sla)
    if not sla.is_draf:
        raise ValidationError(
            _("SLA yang sudah diajukan atau ditandatangani tidak dapat diubah; buat amandemen.")
        )
    if "layanan" in data and data["layanan"].penyedia_id != sla.penyedia_id:
        raise ValidationError({"layanan": _("Layanan harus milik penyedia SLA ini.")})
    penerima = [] if data.get("penerima_semua", sla.penerima_semua) else list(penerima)
    _isi(sla, data, penerima)
    sla.save()
    sla.penerima.set(penerima)
    return sla


def penanda_tangan_wajib(sla: Sla) -> list[tuple[str, Opd]]:
    """(pihak, OPD) whose heads sign: the provider, then each receiving OPD, or for "all" the Sekretariat
    Daerah, whose head (the Sekda) coordinates every perangkat daerah."""
    wajib = [(Pihak.PENYEDIA, sla.penyedia)]
    if sla.penerima_semua:
        penerima = list(Opd.objects.filter(jenis=JenisOpd.SEKRETARIAT_DAERAH, induk__isnull=True)[:1])
    else:
        penerima = list(sla.penerima.order_by("urutan", "kode"))
    wajib += [(Pihak.PENERIMA, opd) for opd in penerima if opd.pk != sla.penyedia_id]
    return wajib


def boleh_tanda_tangan(user, opd: Opd) -> bool:
    """The head of an OPD: holds Kepala OPD there, or is its definitive or acting (Plt./Plh.) head."""
    if opd.pk in access.roles_of(user).opd_roles.get(Peran.KEPALA_OPD, frozenset()):
        return True
    pegawai_id = getattr(getattr(user, "pegawai", None), "pk", None)
    return pegawai_id is not None and pegawai_id in (opd.kepala_id, opd.pelaksana_id)


def _kepala_opd(opds) -> list:
    return list(pengguna_opd([opd.pk for opd in opds], {Peran.KEPALA_OPD}, kepala=True))


@transaction.atomic
def ajukan_sla(*, user, sla: Sla) -> Sla:
    """Draft → awaiting signatures: the content is fixed from here on; the heads are asked to sign."""
    sla = Sla.objects.select_for_update().get(pk=sla.pk)
    access.require(user, access.CHANGE, sla)
    if not sla.is_draf:
        raise ValidationError(_("Hanya draf yang dapat diajukan untuk ditandatangani."))
    if not sla.persyaratan:
        raise ValidationError(_("Isi persyaratan layanan sebelum mengajukan."))
    wajib = penanda_tangan_wajib(sla)
    if len(wajib) < 2 and not sla.penerima_semua:
        raise ValidationError(_("SLA belum menyebut perangkat daerah penerima."))
    sla.status, sla.diajukan_pada = StatusSla.DIAJUKAN, timezone.now()
    sla.save(update_fields=["status", "diajukan_pada", "diubah"])
    kirim_notifikasi(
        penerima=_kepala_opd([opd for _pihak, opd in wajib]),
        judul=_("SLA %(nomor)s menunggu tanda tangan Anda") % {"nomor": sla.nomor},
        pesan=_("%(layanan)s, versi %(versi)s.") % {"layanan": sla.layanan.nama, "versi": sla.versi},
        tautan=reverse("sla-detail", args=[sla.pk]),
    )
    return sla


@transaction.atomic
def tarik_sla(*, user, sla: Sla) -> Sla:
    """Back to draft before every head has signed; signatures given so far are dropped."""
    sla = Sla.objects.select_for_update().get(pk=sla.pk)
    access.require(user, access.CHANGE, sla)
    if sla.status != StatusSla.DIAJUKAN:
        raise ValidationError(_("Hanya SLA yang menunggu tanda tangan yang dapat ditarik kembali."))
    sla.tanda_tangan.all().delete()
    sla.status, sla.diajukan_pada = StatusSla.DRAF, None
    sla.save(update_fields=["status", "diajukan_pada", "diubah"])
    return sla


@transaction.atomic
def tandatangani_sla(
    *, user, sla: Sla, opd: Opd | None = None, now: dt.datetime | None = None
) -> TandaTangan:
    """A head approves the SLA for their OPD; the last signature puts it in force (and supersedes the
    version before it), and its PDF is rendered by a worker."""
    sla = Sla.objects.select_for_update().select_related("layanan", "penyedia").get(pk=sla.pk)
    access.require(user, access.VIEW, sla)
    if sla.status != StatusSla.DIAJUKAN:
        raise ValidationError(_("SLA ini tidak sedang menunggu tanda tangan."))
    sudah = set(sla.tanda_tangan.values_list("opd_id", flat=True))
    wajib = penanda_tangan_wajib(sla)
    bisa = [(pihak, o) for pihak, o in wajib if o.pk not in sudah and boleh_tanda_tangan(user, o)]
    if opd is not None:
        bisa = [(pihak, o) for pihak, o in bisa if o.pk == opd.pk]
    if not bisa:
        raise access.PermissionDenied(
            _("Anda bukan kepala perangkat daerah yang belum menandatangani SLA ini.")
        )
    pihak, opd = bisa[0]
    pegawai = getattr(user, "pegawai", None)
    now = now or timezone.now()
    ttd = TandaTangan.objects.create(
        sla=sla, pihak=pihak, opd=opd, pengguna=user, waktu=now,
        nama=pegawai.nama if pegawai else (user.get_full_name() or user.username),
        nip=(pegawai.nip or "") if pegawai else "",
        jabatan=pegawai.jabatan if pegawai else _("Kepala %(opd)s") % {"opd": opd.nama},
    )  # fmt: skip
    if {o.pk for _pihak, o in wajib} <= sudah | {opd.pk}:
        _berlakukan(sla, now)
    return ttd


def _berlakukan(sla: Sla, now: dt.datetime) -> None:
    from sla.tasks import buat_dokumen_sla

    Sla.objects.filter(seri=sla.seri, status=StatusSla.BERLAKU).update(status=StatusSla.DIGANTI, diubah=now)
    sla.status, sla.berlaku_pada = StatusSla.BERLAKU, now
    sla.save(update_fields=["status", "berlaku_pada", "diubah"])
    # With Redis down the signing still commits; the PDF is then made when it is first asked for
    # (views.sla_dokumen enqueues it again while it is missing), so nothing needs a sweeper.
    antre_setelah_commit(buat_dokumen_sla, sla.pk)
    kirim_notifikasi(
        penerima=pengguna_opd([sla.penyedia_id]),
        judul=_("SLA %(nomor)s berlaku") % {"nomor": sla.nomor},
        pesan=_("Semua kepala perangkat daerah telah menandatangani versi %(versi)s.") % {"versi": sla.versi},
        tautan=reverse("sla-detail", args=[sla.pk]),
        email=False,
    )


@transaction.atomic
def buat_amandemen(*, user, sla: Sla) -> Sla:
    """The next version of an agreement in force, as a draft with the same content to amend."""
    sla = Sla.objects.select_for_update().get(pk=sla.pk)
    access.require(user, access.CHANGE, sla)
    if sla.status != StatusSla.BERLAKU:
        raise ValidationError(_("Amandemen dibuat dari versi yang sedang berlaku."))
    if (
        Sla.objects.filter(seri=sla.seri)
        .filter(Q(status=StatusSla.DRAF) | Q(status=StatusSla.DIAJUKAN))
        .exists()
    ):
        raise ValidationError(_("Sudah ada versi baru yang sedang disusun."))
    baru = Sla(
        seri=sla.seri, versi=Sla.objects.filter(seri=sla.seri).aggregate(v=Max("versi"))["v"] + 1,
        nomor=sla.nomor, penyedia_id=sla.penyedia_id, dibuat_oleh=user,
        **{name: getattr(sla, name) for name in ISI_SLA},
    )  # fmt: skip
    baru.save()
    baru.penerima.set(sla.penerima.all())
    return baru


@transaction.atomic
def simpan_dokumen_sla(*, sla_id: int) -> Sla | None:
    """Render the signed SLA as PDF and keep it with the version (run by a worker; safe to run twice)."""
    from django.core.files.base import ContentFile

    from sipd.pdf import render_pdf

    sla = (
        Sla.objects.select_for_update()
        .select_related("layanan", "penyedia")
        .filter(pk=sla_id, status__in=[StatusSla.BERLAKU, StatusSla.DIGANTI])
        .first()
    )
    if sla is None or sla.dokumen:
        return sla
    isi = render_pdf("sla/pdf/sla.html", {"sla": sla, **konteks_dokumen(sla)})
    nama = f"{sla.nomor.replace('/', '-').lower()}-v{sla.versi}.pdf"
    sla.dokumen.save(nama, ContentFile(isi), save=False)
    sla.save(update_fields=["dokumen", "diubah"])
    return sla


def konteks_dokumen(sla: Sla) -> dict:
    ttd = {t.opd_id: t for t in sla.tanda_tangan.select_related("opd")}
    return {
        "penerima": list(sla.penerima.order_by("urutan", "kode")),
        "penanda_tangan": [(pihak, opd, ttd.get(opd.pk)) for pihak, opd in penanda_tangan_wajib(sla)],
    }


@transaction.atomic
def simpan_libur(*, user, libur: LiburDaerah) -> LiburDaerah:
    access.require(user, access.CHANGE if libur.pk else access.ADD, libur)
    libur.full_clean()
    libur.save()
    return libur


@transaction.atomic
def hapus_libur(*, user, libur: LiburDaerah) -> None:
    access.require(user, access.DELETE, libur)
    libur.delete()
