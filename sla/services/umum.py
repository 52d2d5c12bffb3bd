"""Pieces the services share: who works for an OPD, and attachments."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from opd.models import Opd
from sipd import access
from sipd.models import User
from sipd.roles import Peran
from sipd.uploads import MIME, nama_acak, periksa_ekstensi

PENGELOLA = frozenset({Peran.KEPALA_OPD, Peran.OPERATOR_OPD})


def pengguna_opd(opd_ids, peran=PENGELOLA, *, kepala: bool = False):
    """Active users holding `peran` in these OPDs; with kepala=True also the accounts of their definitive or
    acting heads (Plt./Plh.) who may hold no OPD role."""
    kondisi = Q(daftar_peran__opd_id__in=opd_ids, daftar_peran__peran__in=peran)
    if kepala:
        heads = Opd.objects.filter(pk__in=opd_ids).values_list("kepala_id", "pelaksana_id")
        pegawai_ids = {pk for pair in heads for pk in pair if pk}
        kondisi |= Q(pegawai__in=pegawai_ids)
    return User.objects.filter(kondisi, is_active=True).distinct()


def peran_di(user, opd_id: int, peran=PENGELOLA) -> bool:
    """Does the user hold one of `peran` in this OPD?"""
    roles = access.roles_of(user)
    return any(opd_id in roles.opd_roles.get(role, frozenset()) for role in peran)


def periksa_lampiran(files) -> list[tuple[object, str]]:
    """Check every file before any is stored: (file, extension), or ValidationError naming the bad one."""
    return [
        (
            berkas,
            periksa_ekstensi(
                berkas, tipe=settings.SIPD_SLA_LAMPIRAN_TIPE, max_bytes=settings.SIPD_SLA_LAMPIRAN_MAX_BYTES
            ),
        )
        for berkas in files or ()
    ]


def simpan_lampiran(*, permohonan, diperiksa, user, peristiwa, now) -> list:
    from sla.models import Lampiran

    rows = []
    for berkas, ekstensi in diperiksa:
        row = Lampiran(
            permohonan=permohonan, peristiwa=peristiwa, nama_asli=berkas.name[:200],
            tipe=MIME.get(ekstensi, "application/octet-stream"),
            ukuran=berkas.size, diunggah_oleh=user, diunggah_pada=now,
        )  # fmt: skip
        row.berkas.save(nama_acak(ekstensi), berkas, save=False)
        row.save()
        rows.append(row)
    return rows
