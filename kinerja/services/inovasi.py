"""Registering innovations, their answers to the Indeks Inovasi Daerah scheme, and their evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.models import BerkasInovasi, Indikator, Inovasi, JawabanInovasi, OpsiIndikatorInovasi
from sipd import access
from sipd.uploads import nama_aman, periksa_berkas, token_berkas

JENIS_BUKTI = frozenset({"pdf", "gambar", "office"})
FIELDS = (
    "opd", "nama", "jenis", "tahapan", "tanggal_inisiatif", "tanggal_uji_coba", "tanggal_penerapan",
    "permasalahan", "metode", "manfaat",
)  # fmt: skip


def _periksa_tanggal(inovasi: Inovasi) -> None:
    """The stage reached has its date, and the dates follow the stages (the DB holds the same)."""
    wajib = {"uji_coba": ["tanggal_uji_coba"], "penerapan": ["tanggal_uji_coba", "tanggal_penerapan"]}
    galat = {
        f: _("Wajib diisi untuk tahapan ini.")
        for f in wajib.get(inovasi.tahapan, [])
        if not getattr(inovasi, f)
    }
    if inovasi.tanggal_uji_coba and inovasi.tanggal_uji_coba < inovasi.tanggal_inisiatif:
        galat["tanggal_uji_coba"] = _("Uji coba tidak boleh sebelum inisiatif.")
    if inovasi.tanggal_penerapan and (
        not inovasi.tanggal_uji_coba or inovasi.tanggal_penerapan < inovasi.tanggal_uji_coba
    ):
        galat["tanggal_penerapan"] = _("Penerapan harus sesudah uji coba.")
    if galat:
        raise ValidationError(galat)


def _simpan_jawaban(inovasi: Inovasi, jawaban: Mapping[int, int | None]) -> None:
    """Answers as {indicator id: option id or None}; an option must belong to its indicator."""
    pilih = {int(k): int(v) for k, v in jawaban.items() if v}
    sah = dict(OpsiIndikatorInovasi.objects.filter(pk__in=pilih.values()).values_list("pk", "indikator_id"))
    if any(sah.get(opsi) != indikator for indikator, opsi in pilih.items()):
        raise ValidationError(_("Pilihan jawaban tidak sesuai indikatornya."))
    JawabanInovasi.objects.filter(inovasi=inovasi).exclude(indikator_id__in=pilih).delete()
    ada = {j.indikator_id: j for j in JawabanInovasi.objects.filter(inovasi=inovasi)}
    baru, ubah = [], []
    for indikator_id, opsi_id in pilih.items():
        if indikator_id not in ada:
            baru.append(JawabanInovasi(inovasi=inovasi, indikator_id=indikator_id, opsi_id=opsi_id))
        elif ada[indikator_id].opsi_id != opsi_id:
            ada[indikator_id].opsi_id = opsi_id
            ubah.append(ada[indikator_id])
    JawabanInovasi.objects.bulk_create(baru)
    JawabanInovasi.objects.bulk_update(ubah, ["opsi"])


@transaction.atomic
def simpan_inovasi(
    *,
    user,
    inovasi: Inovasi | None = None,
    data: Mapping,
    indikator: Iterable[Indikator] = (),
    jawaban: Mapping[int, int | None] | None = None,
) -> Inovasi:
    """Create or change an innovation, the performance indicators it supports and its scheme answers."""
    baru = inovasi is None
    if inovasi is not None:
        access.require(user, access.CHANGE, inovasi)
    inovasi = inovasi or Inovasi(dibuat_oleh=user)
    for field in FIELDS:
        if field in data:
            setattr(inovasi, field, data[field])
    access.require(user, access.ADD if baru else access.CHANGE, inovasi)  # also for the (new) OPD
    _periksa_tanggal(inovasi)
    if Inovasi.objects.filter(opd=inovasi.opd, nama__iexact=inovasi.nama).exclude(pk=inovasi.pk).exists():
        raise ValidationError({"nama": _("OPD ini sudah punya inovasi dengan nama yang sama.")})
    inovasi.save()
    indikator = list(indikator)
    if any(not access.can(user, access.VIEW, i) for i in indikator):
        raise ValidationError(_("Indikator di luar jangkauan Anda tidak dapat dipilih."))
    inovasi.indikator.set(indikator)
    if jawaban is not None:
        _simpan_jawaban(inovasi, jawaban)
    return inovasi


@transaction.atomic
def hapus_inovasi(*, user, inovasi: Inovasi) -> None:
    access.require(user, access.DELETE, inovasi)
    files = [(b.berkas.storage, b.berkas.name) for b in inovasi.berkas.all()]
    inovasi.delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


@transaction.atomic
def unggah_berkas(*, user, inovasi: Inovasi, berkas) -> BerkasInovasi:
    access.require(user, access.CHANGE, inovasi)
    jenis = periksa_berkas(berkas, JENIS_BUKTI)
    bukti = BerkasInovasi(
        inovasi=inovasi, token=token_berkas(), nama_asli=nama_aman(berkas.name), jenis_mime=jenis.mime,
        ukuran=berkas.size, diunggah_oleh=user,
    )  # fmt: skip
    bukti.berkas.save(f"{bukti.token}.{jenis.ekstensi}", berkas, save=False)
    try:
        bukti.save()
    except Exception:
        bukti.berkas.storage.delete(bukti.berkas.name)  # no file without its row
        raise
    return bukti


@transaction.atomic
def hapus_berkas(*, user, berkas: BerkasInovasi) -> None:
    access.require(user, access.DELETE, berkas)
    name, storage = berkas.berkas.name, berkas.berkas.storage
    berkas.delete()
    transaction.on_commit(lambda: storage.delete(name))
