from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sipd import access
from sipd.models import CatatanAkses, Pemda
from sipd.selectors import forget_pemda_profile_on_commit


@transaction.atomic
def simpan_pemda(*, user, form) -> Pemda:
    instance = form.instance
    if instance.pk:
        access.require(user, access.CHANGE, instance)
    elif not access.has_role(user, "admin"):
        raise access.PermissionDenied
    pemda = form.save()
    forget_pemda_profile_on_commit()
    return pemda


def hapus_catatan_akses_lama(*, sekarang=None) -> int:
    """Retention of the access log: rows older than SIPD_AKSES_RETENSI_HARI go, in one DELETE."""
    sekarang = sekarang or timezone.now()
    batas = sekarang - timedelta(days=settings.SIPD_AKSES_RETENSI_HARI)
    jumlah, _per_model = CatatanAkses.objects.filter(waktu__lt=batas).delete()
    return jumlah
