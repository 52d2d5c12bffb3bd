"""Notifications: the bell's unread count, marking read, and email sent by a real Celery worker."""

import time

import pytest
from django.urls import reverse

from sipd.models import Notifikasi
from sipd.notifications import kirim_notifikasi


@pytest.mark.django_db
def test_bell_shows_unread_count_and_marking_read_clears_it(two_opds, login):
    user = two_opds.users.operator_a
    kirim_notifikasi(penerima=[user], judul="Isian dikembalikan", pesan="Perbaiki indikator 3", email=False)
    kirim_notifikasi(penerima=[user], judul="Jadwal pengisian TW IV", email=False)
    client = login(user)
    page = client.get(reverse("beranda"))
    assert 'aria-label="2 notifikasi belum dibaca"' in page.content.decode()
    listing = client.get(reverse("notifikasi")).content.decode()
    assert "Isian dikembalikan" in listing and "Jadwal pengisian TW IV" in listing
    response = client.post(reverse("notifikasi-baca"), HTTP_HX_REQUEST="true")
    assert 'aria-label="0 notifikasi belum dibaca"' in response.content.decode()
    assert not Notifikasi.objects.filter(penerima=user, dibaca__isnull=True).exists()


@pytest.mark.django_db
def test_a_user_cannot_open_or_read_another_users_notification(two_opds, login):
    [notif] = kirim_notifikasi(penerima=[two_opds.users.operator_b], judul="Rahasia B", email=False)
    client = login(two_opds.users.operator_a)
    assert client.get(reverse("notifikasi-buka", args=[notif.pk])).status_code == 404
    client.post(reverse("notifikasi-baca"), {"id": [notif.pk]})
    notif.refresh_from_db()
    assert notif.dibaca is None
    assert "Rahasia B" not in client.get(reverse("notifikasi")).content.decode()
    api = client.get(f"/api/v1/notifikasi/{notif.pk}/")
    assert api.status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_email_is_sent_once_by_the_celery_worker(celery_worker_process):
    from tests.factories import UserFactory

    user = UserFactory(email="kepala@sukamaju.go.id")
    [notif] = kirim_notifikasi(penerima=[user], judul="Penugasan siaga bencana", pesan="Segera konfirmasi")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        notif.refresh_from_db()
        if notif.email_terkirim:
            break
        time.sleep(0.2)
    assert notif.email_terkirim is not None, celery_worker_process.log.read_text()[-3000:]
    assert "Subject: Penugasan siaga bencana" in celery_worker_process.log.read_text()
    # A retry of the same job sends nothing again.
    from sipd.tasks import kirim_email_notifikasi

    assert kirim_email_notifikasi.delay([notif.pk]).get(timeout=30) == 0
