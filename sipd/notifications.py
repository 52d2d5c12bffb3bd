"""Notifications, the shared piece: in-app (the bell) and email, email sent from Celery after commit."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from sipd.models import Notifikasi, User


@transaction.atomic
def kirim_notifikasi(
    *, penerima: Iterable[User], judul: str, pesan: str = "", tautan: str = "", email: bool = True
) -> list[Notifikasi]:
    rows = Notifikasi.objects.bulk_create(
        [Notifikasi(penerima=user, judul=judul, pesan=pesan, tautan=tautan) for user in set(penerima)]
    )
    if email and rows:
        from sipd.tasks import antre_setelah_commit, kirim_email_notifikasi

        antre_setelah_commit(kirim_email_notifikasi, [row.pk for row in rows])
    return rows


def tandai_dibaca(*, user: User, ids: Iterable[int] | None = None) -> int:
    qs = Notifikasi.objects.filter(penerima=user, dibaca__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(dibaca=timezone.now())


def jumlah_belum_dibaca(user: User) -> int:
    return Notifikasi.objects.filter(penerima=user, dibaca__isnull=True).count()
