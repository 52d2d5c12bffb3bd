"""IKM surveys: defining them, taking anonymous public answers (with anti-spam), and filling a realisasi.

Anti-spam on the public questionnaire, in this order:
- honeypot: a field people never see; a filled one is thanked and dropped (`Honeypot`);
- rate limit per network address per survey (SIPD_IKM_BATAS_PER_JAM in a Redis counter; the address is
  kept only as a keyed hash inside the cache key, never in the database);
- one answer per device per survey: a random token in a signed cookie, stored as a keyed hash with a
  unique constraint (survei, perangkat).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping, Sequence

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.models import Indikator, Realisasi, ResponIkm, SurveiIkm
from kinerja.models.ikm import UNSUR_FIELDS
from kinerja.selectors.ikm import hasil_survei
from kinerja.services import realisasi as realisasi_services
from sipd import access
from sipd.formatting import format_isian

COOKIE_PERANGKAT = "sipd_ikm_perangkat"
COOKIE_SALT = "kinerja.ikm.perangkat"
COOKIE_UMUR = 2 * 365 * 24 * 3600
JENDELA_LAJU = 3600
FIELDS = (
    "opd", "unit_layanan", "jenis_layanan", "tahun", "periode", "tanggal_mulai", "tanggal_selesai",
    "populasi", "dibuka", "indikator",
)  # fmt: skip


class Honeypot(Exception):
    """A bot filled the field people never see."""


def _kunci(*bagian) -> str:
    pesan = ":".join(str(b) for b in bagian).encode()
    return hmac.new(settings.SECRET_KEY.encode(), pesan, hashlib.sha256).hexdigest()


def token_perangkat_baru() -> str:
    return secrets.token_urlsafe(24)


def hash_perangkat(survei: SurveiIkm, token: str) -> str:
    """Keyed per survey, so one device's answers to different surveys cannot be linked."""
    return _kunci("perangkat", survei.pk, token)


def lewat_batas_laju(*, survei: SurveiIkm, alamat: str) -> bool:
    """Count one attempt from `alamat` on this survey; True once the hourly limit is passed."""
    key = f"ikm:laju:{survei.pk}:{_kunci('alamat', alamat)[:32]}"
    cache.add(key, 0, timeout=JENDELA_LAJU)
    try:
        jumlah = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=JENDELA_LAJU)
        jumlah = 1
    return jumlah > settings.SIPD_IKM_BATAS_PER_JAM


def status_survei(survei: SurveiIkm, today=None) -> str:
    """'' when it accepts answers now, else the reason."""
    today = today or timezone.localdate()
    if not survei.dibuka:
        return _("Survei ini sudah ditutup.")
    if today < survei.tanggal_mulai:
        return _("Survei ini baru dibuka mulai %(tanggal)s.") % {
            "tanggal": survei.tanggal_mulai.strftime("%d-%m-%Y")
        }
    if today > survei.tanggal_selesai:
        return _("Masa survei ini sudah berakhir.")
    return ""


def _token_survei() -> str:
    return secrets.token_urlsafe(12)


def _periksa_indikator(user, survei: SurveiIkm) -> None:
    if survei.indikator_id and not access.can(user, access.VIEW, survei.indikator):
        raise ValidationError({"indikator": _("Indikator tidak ditemukan.")})
    if survei.indikator_id and survei.indikator.opd_id != survei.opd_id:
        raise ValidationError({"indikator": _("Pilih indikator milik OPD penyelenggara survei.")})


@transaction.atomic
def simpan_survei(*, user, survei: SurveiIkm | None = None, data: Mapping) -> SurveiIkm:
    baru = survei is None
    if survei is not None:
        access.require(user, access.CHANGE, survei)
    survei = survei or SurveiIkm(dibuat_oleh=user, token=_token_survei())
    for field in FIELDS:
        if field in data:
            setattr(survei, field, data[field])
    access.require(user, access.ADD if baru else access.CHANGE, survei)
    if survei.tanggal_selesai < survei.tanggal_mulai:
        raise ValidationError({"tanggal_selesai": _("Tanggal selesai harus sesudah tanggal mulai.")})
    _periksa_indikator(user, survei)
    dobel = SurveiIkm.objects.filter(
        opd=survei.opd, unit_layanan__iexact=survei.unit_layanan, tahun=survei.tahun, periode=survei.periode
    ).exclude(pk=survei.pk)
    if dobel.exists():
        raise ValidationError(_("Unit layanan ini sudah punya survei untuk periode tersebut."))
    survei.save()
    return survei


def _jawaban_sah(jawaban: Sequence[int | None]) -> list[int | None]:
    if len(jawaban) != len(UNSUR_FIELDS):
        raise ValidationError(_("Kuesioner harus berisi sembilan unsur."))
    bersih = [None if v in (None, "") else int(v) for v in jawaban]
    if any(v is not None and v not in (1, 2, 3, 4) for v in bersih):
        raise ValidationError(_("Jawaban harus 1 sampai 4."))
    if all(v is None for v in bersih):
        raise ValidationError(_("Jawab sedikitnya satu pertanyaan."), code="kosong")
    return bersih


@transaction.atomic
def kirim_jawaban(
    *,
    survei: SurveiIkm,
    jawaban: Sequence[int | None],
    profil: Mapping | None = None,
    saran: str = "",
    token_perangkat: str,
    alamat: str,
    honeypot: str = "",
) -> ResponIkm:
    """Record one anonymous public answer (no login); refusals are ValidationError with a code."""
    if honeypot:
        raise Honeypot
    alasan = status_survei(survei)
    if alasan:
        raise ValidationError(alasan, code="tutup")
    if not token_perangkat:
        raise ValidationError(_("Muat ulang halaman kuesioner lalu kirim lagi."), code="perangkat")
    if lewat_batas_laju(survei=survei, alamat=alamat):
        raise ValidationError(
            _("Terlalu banyak jawaban dari jaringan ini. Coba lagi satu jam lagi."), code="laju"
        )
    nilai = _jawaban_sah(jawaban)
    profil = dict(profil or {})
    respon = ResponIkm(
        survei=survei, perangkat=hash_perangkat(survei, token_perangkat), saran=(saran or "").strip()[:2000],
        usia=profil.get("usia"), jenis_kelamin=profil.get("jenis_kelamin") or "",
        pendidikan=profil.get("pendidikan") or "", pekerjaan=profil.get("pekerjaan") or "",
        **dict(zip(UNSUR_FIELDS, nilai, strict=True)),
    )  # fmt: skip
    try:
        with transaction.atomic():
            respon.save()
    except IntegrityError:
        raise ValidationError(
            _("Perangkat ini sudah mengisi survei ini untuk periode ini. Terima kasih."), code="sudah"
        ) from None
    return respon


def sudah_menjawab(survei: SurveiIkm, token_perangkat: str | None) -> bool:
    return (
        bool(token_perangkat)
        and ResponIkm.objects.filter(
            survei=survei, perangkat=hash_perangkat(survei, token_perangkat)
        ).exists()
    )


def nilai_realisasi(survei: SurveiIkm):
    """The IKM to write as the indicator's realisasi: two decimals, as the result is published."""
    hasil = hasil_survei(survei)
    if hasil.nilai is None:
        return None
    return round(hasil.nilai_desimal, 2)


@transaction.atomic
def isi_realisasi(*, user, survei: SurveiIkm, asal: str | None) -> Realisasi:
    """Fill the linked indicator's realisasi (the survey's year, the period's last triwulan) with the IKM.

    Goes through kinerja.services.realisasi.simpan_realisasi: the same role, entry-window, lock and workflow
    rules and the same compare-and-set (`asal` = the value the user saw), recorded as the user's change.
    """
    access.require(user, access.VIEW, survei)
    if survei.indikator_id is None:
        raise ValidationError(_("Survei ini belum dihubungkan dengan indikator."))
    indikator = Indikator.objects.select_related("periode").get(pk=survei.indikator_id)
    if not access.can(user, access.VIEW, indikator):
        raise PermissionDenied
    nilai = nilai_realisasi(survei)
    if nilai is None:
        raise ValidationError(_("Belum ada hasil IKM yang lengkap untuk diisikan."))
    return realisasi_services.simpan_realisasi(
        user=user, indikator=indikator, tahun=survei.tahun, triwulan=survei.triwulan, kolom="nilai",
        nilai=format_isian(nilai), asal=asal,
    )  # fmt: skip


@transaction.atomic
def tutup_survei(*, user, survei: SurveiIkm, dibuka: bool = False) -> SurveiIkm:
    access.require(user, access.CHANGE, survei)
    survei.dibuka = dibuka
    survei.save(update_fields=["dibuka"])
    return survei
