"""Writes of BPJS Ketenagakerjaan claims: keyword-only, atomic, access checked inside, audited (pghistory)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opd import calculations
from opd.klaim_choices import LANGKAH_STATUS, HubunganAhliWaris, ProgramBpjs, StatusKlaim
from opd.models import AhliWaris, DokumenKlaim, KlaimBpjs, Pegawai
from sipd import access
from sipd.roles import Peran
from sipd.uploads import DOKUMEN, nama_berkas, periksa_berkas

PERAN_KEPEGAWAIAN = (Peran.ADMIN, Peran.KEPEGAWAIAN)
TASPEN = _(
    "%(nama)s berstatus %(status)s: PNS dan PPPK dijamin Taspen (PP 70/2015), bukan BPJS Ketenagakerjaan. "
    "Klaim ditolak."
)


def pengelola_klaim(user) -> bool:
    """The personnel roles manage every claim's progress; an OPD's own roles only prepare its claims."""
    return access.has_role(user, *PERAN_KEPEGAWAIAN)


def periksa_pegawai(pegawai: Pegawai) -> None:
    if pegawai.is_asn:
        raise ValidationError(
            TASPEN % {"nama": pegawai.nama, "status": pegawai.get_status_display()}, code="asn"
        )


def _periksa_isi(klaim: KlaimBpjs) -> None:
    periksa_pegawai(klaim.pegawai)
    kejadian = timezone.localdate(klaim.waktu_kejadian)
    if klaim.tanggal_meninggal < kejadian:
        raise ValidationError({"tanggal_meninggal": _("Tanggal meninggal tidak boleh sebelum kejadian.")})
    if klaim.waktu_kejadian > timezone.now():
        raise ValidationError({"waktu_kejadian": _("Waktu kejadian tidak boleh di masa depan.")})
    if klaim.program == ProgramBpjs.JKM:
        klaim.laporan_tahap_1 = None
    elif klaim.laporan_tahap_1 and klaim.laporan_tahap_1 < klaim.waktu_kejadian:
        raise ValidationError({"laporan_tahap_1": _("Laporan tahap I tidak boleh sebelum kecelakaan.")})


@transaction.atomic
def simpan_klaim(*, user, form) -> KlaimBpjs:
    """Create or change a claim from a validated KlaimForm; only while it is being prepared, for OPD roles."""
    klaim = form.instance
    if klaim.pk:
        lama = KlaimBpjs.objects.select_for_update().get(pk=klaim.pk)
        access.require(user, access.CHANGE, lama)
        if lama.status != StatusKlaim.DISIAPKAN and not pengelola_klaim(user):
            raise access.PermissionDenied
        if lama.status in (StatusKlaim.DIBAYAR, StatusKlaim.DITOLAK):
            raise ValidationError(_("Klaim yang sudah selesai tidak dapat diubah."))
    else:
        klaim.dibuat_oleh = user
        access.require(user, access.ADD, klaim)
    if klaim.upah_bpjs is None:
        klaim.upah_bpjs = klaim.pegawai.upah_bpjs or 0
    _periksa_isi(klaim)
    return form.save()


def _require_ubah(user, klaim: KlaimBpjs) -> None:
    access.require(user, access.CHANGE, klaim)
    if klaim.status != StatusKlaim.DISIAPKAN and not pengelola_klaim(user):
        raise access.PermissionDenied


@transaction.atomic
def tambah_ahli_waris(
    *, user, klaim: KlaimBpjs, nama: str, nik: str, hubungan: str, telepon: str = ""
) -> AhliWaris:
    _require_ubah(user, klaim)
    if klaim.ahli_waris.filter(nik=nik).exists():
        raise ValidationError({"nik": _("Ahli waris dengan NIK ini sudah tercatat.")})
    waris = AhliWaris(klaim=klaim, nama=nama.strip(), nik=nik, hubungan=hubungan, telepon=telepon)
    waris.full_clean()
    waris.save()
    return waris


@transaction.atomic
def hapus_ahli_waris(*, user, waris: AhliWaris) -> None:
    _require_ubah(user, waris.klaim)
    waris.delete()


@transaction.atomic
def unggah_dokumen(*, user, klaim: KlaimBpjs, jenis: str, berkas) -> DokumenKlaim:
    """Upload (or replace) one document of the checklist; PDF, JPEG or PNG by content."""
    _require_ubah(user, klaim)
    tipe = periksa_berkas(berkas, DOKUMEN)
    nama_asli = berkas.name[-200:]
    berkas.name = nama_berkas(tipe)
    dokumen = DokumenKlaim.objects.filter(klaim=klaim, jenis=jenis).first()
    lama = dokumen.berkas.name if dokumen else None
    if dokumen is None:
        dokumen = DokumenKlaim(klaim=klaim, jenis=jenis)
    dokumen.berkas, dokumen.nama_asli, dokumen.diunggah_oleh = berkas, nama_asli, user
    dokumen.save()
    if lama:
        storage = dokumen.berkas.storage
        transaction.on_commit(lambda: storage.delete(lama))
    return dokumen


def kelengkapan(klaim: KlaimBpjs, ahli_waris: list[AhliWaris], dokumen: list[DokumenKlaim]) -> dict:
    """The checklist of a claim: required documents with their upload, and what is missing."""
    santunan = calculations.santunan_kematian(klaim.program, klaim.upah_bpjs)
    ada_pasangan = any(w.hubungan == HubunganAhliWaris.SUAMI_ISTRI for w in ahli_waris)
    wajib = calculations.dokumen_wajib(klaim.program, ada_pasangan=ada_pasangan, total=santunan.total)
    per_jenis = {d.jenis: d for d in dokumen}
    return {
        "daftar": [(jenis, per_jenis.get(jenis)) for jenis in wajib],
        "kurang": [jenis for jenis in wajib if jenis not in per_jenis],
        "tambahan": [d for d in dokumen if d.jenis not in wajib],
    }


@transaction.atomic
def ubah_status(
    *, user, klaim: KlaimBpjs, status: str, tanggal=None, jumlah: int | None = None, alasan: str = ""
) -> KlaimBpjs:
    """Move a claim one step: disiapkan → diajukan → diverifikasi → dibayar, or ditolak with a reason.
    Only the personnel roles; submission needs heirs, every required document, and an unlapsed right."""
    klaim = KlaimBpjs.objects.select_for_update().select_related("pegawai").get(pk=klaim.pk)
    access.require(user, access.CHANGE, klaim)
    if not pengelola_klaim(user):
        raise access.PermissionDenied
    if status not in LANGKAH_STATUS[klaim.status]:
        raise ValidationError(
            _("Status %(dari)s tidak dapat diubah menjadi %(ke)s.")
            % {"dari": klaim.get_status_display(), "ke": StatusKlaim(status).label}
        )
    periksa_pegawai(klaim.pegawai)
    tanggal = tanggal or timezone.localdate()
    if status == StatusKlaim.DIAJUKAN:
        lapse = calculations.tanggal_kedaluwarsa(timezone.localdate(klaim.waktu_kejadian))
        if tanggal >= lapse:
            raise ValidationError(
                _("Hak klaim kedaluwarsa sejak %(tgl)s (5 tahun sejak kejadian).")
                % {"tgl": date_format(lapse, "j F Y")}
            )
        ahli_waris = list(klaim.ahli_waris.all())
        if not ahli_waris:
            raise ValidationError(_("Ahli waris belum diisi."))
        kurang = kelengkapan(klaim, ahli_waris, list(klaim.dokumen.all()))["kurang"]
        if kurang:
            from opd.klaim_choices import JenisDokumenKlaim

            raise ValidationError(
                _("Dokumen belum lengkap: %(daftar)s.")
                % {"daftar": ", ".join(str(JenisDokumenKlaim(j).label) for j in kurang)}
            )
        klaim.tanggal_diajukan = tanggal
    elif status == StatusKlaim.DIVERIFIKASI:
        klaim.tanggal_diverifikasi = tanggal
    elif status == StatusKlaim.DIBAYAR:
        if jumlah is None or jumlah <= 0:
            raise ValidationError({"jumlah": _("Jumlah dibayar wajib diisi.")})
        klaim.jumlah_dibayar, klaim.tanggal_dibayar = jumlah, tanggal
    elif status == StatusKlaim.DITOLAK:
        if not alasan.strip():
            raise ValidationError({"alasan": _("Alasan penolakan wajib diisi.")})
        klaim.alasan_ditolak = alasan.strip()
    klaim.status = status
    klaim.save()
    return klaim


@transaction.atomic
def catat_rujukan(*, user, klaim: KlaimBpjs, rujukan: str, tautan: str) -> KlaimBpjs:
    """Where a claim came from (e.g. a disaster assignment), written by the app that links it."""
    access.require(user, access.CHANGE, klaim)
    klaim.rujukan, klaim.rujukan_tautan = rujukan[:300], tautan[:300]
    klaim.save(update_fields=["rujukan", "rujukan_tautan", "diubah"])
    return klaim
