"""Receivers for account events: the access log (sipd.audit) and ending the sessions of a disabled account."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_init, post_save
from django.dispatch import receiver

from sipd.audit import JenisAkses, catat
from sipd.sessions import akhiri_sesi

User = get_user_model()


@receiver(user_logged_in)
def _masuk(sender, request, user, **kwargs):
    if request is None or not request.method:
        return  # a sign-in made in code (tests' force_login, shell), not over HTTP
    catat(JenisAkses.MASUK, request, user=user)


@receiver(user_logged_out)
def _keluar(sender, request, user, **kwargs):
    if user is not None:
        catat(JenisAkses.KELUAR, request, user=user)


@receiver(user_login_failed)
def _gagal_masuk(sender, credentials, request=None, **kwargs):
    catat(JenisAkses.GAGAL_MASUK, request, username=str(credentials.get("username", "")))


@receiver(user_locked_out)
def _terkunci(sender, request, username=None, ip_address=None, **kwargs):
    catat(JenisAkses.TERKUNCI, request, username=username or "")


@receiver(post_init, sender=User)
def _ingat_status_aktif(sender, instance, **kwargs):
    # From the loaded row, no query (a deferred is_active stays unknown rather than being fetched).
    instance._aktif_sebelumnya = instance.__dict__.get("is_active")


@receiver(post_save, sender=User)
def _nonaktif_mengakhiri_sesi(sender, instance, created, **kwargs):
    """An account switched off (admin, shell, any save) loses every open session and its API token."""
    if not created and getattr(instance, "_aktif_sebelumnya", None) and not instance.is_active:
        akhiri_sesi(instance)
        catat(JenisAkses.DINONAKTIFKAN, user=instance)
    instance._aktif_sebelumnya = instance.is_active
