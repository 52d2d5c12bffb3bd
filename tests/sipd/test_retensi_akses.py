"""Retention of the access log: rows older than SIPD_AKSES_RETENSI_HARI go in one DELETE, recent rows stay."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from sipd.audit import CatatanAkses, JenisAkses
from sipd.services import hapus_catatan_akses_lama
from sipd.tasks import bersihkan_catatan_akses


def _catatan(umur: timedelta, username: str, sekarang) -> CatatanAkses:
    row = CatatanAkses.objects.create(jenis=JenisAkses.MASUK, username=username, path="/")
    CatatanAkses.objects.filter(pk=row.pk).update(waktu=sekarang - umur)  # waktu is auto_now_add
    return row


def _isi(sekarang) -> None:
    _catatan(timedelta(days=900), "lama-sekali", sekarang)
    _catatan(timedelta(days=365, seconds=1), "lewat-batas", sekarang)
    _catatan(timedelta(days=365) - timedelta(seconds=1), "tepat-di-dalam", sekarang)
    _catatan(timedelta(days=30), "bulan-lalu", sekarang)
    _catatan(timedelta(0), "hari-ini", sekarang)


@pytest.mark.django_db
def test_old_rows_go_in_one_delete_and_recent_rows_stay(settings, django_assert_num_queries):
    settings.SIPD_AKSES_RETENSI_HARI = 365
    sekarang = timezone.now()
    _isi(sekarang)
    with django_assert_num_queries(1):  # DELETE FROM sipd_catatanakses WHERE waktu < batas
        assert hapus_catatan_akses_lama(sekarang=sekarang) == 2
    sisa = set(CatatanAkses.objects.values_list("username", flat=True))
    assert sisa == {"tepat-di-dalam", "bulan-lalu", "hari-ini"}


@pytest.mark.django_db
def test_one_delete_however_many_rows(django_assert_num_queries):
    sekarang = timezone.now()
    lama = [CatatanAkses(jenis=JenisAkses.DITOLAK, username=f"u{i}", status=403) for i in range(300)]
    CatatanAkses.objects.bulk_create(lama)
    CatatanAkses.objects.update(waktu=sekarang - timedelta(days=settings.SIPD_AKSES_RETENSI_HARI + 1))
    with django_assert_num_queries(1):
        assert hapus_catatan_akses_lama(sekarang=sekarang) == 300
    assert not CatatanAkses.objects.exists()


@pytest.mark.django_db
def test_a_shorter_retention_is_read_from_the_setting(settings):
    settings.SIPD_AKSES_RETENSI_HARI = 20
    sekarang = timezone.now()
    _isi(sekarang)
    assert hapus_catatan_akses_lama(sekarang=sekarang) == 4
    assert list(CatatanAkses.objects.values_list("username", flat=True)) == ["hari-ini"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_the_nightly_task_deletes_old_rows_in_the_real_worker(celery_worker_process):
    sekarang = timezone.now()
    _isi(sekarang)
    assert settings.CELERY_BEAT_SCHEDULE["bersihkan-catatan-akses"]["task"] == bersihkan_catatan_akses.name
    assert bersihkan_catatan_akses.delay().get(timeout=60) == 2
    assert CatatanAkses.objects.count() == 3
