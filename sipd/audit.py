"""The access log: sign-ins, failed sign-ins, lockouts, sign-outs, refused requests and disabled accounts.

Data changes are audited by pghistory triggers; this log is about who came in and what they were refused.
Written by the receivers in sipd/signals.py and by AuditAksesMiddleware; read-only in Django admin.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisAkses(models.TextChoices):
    MASUK = "masuk", _("masuk")
    GAGAL_MASUK = "gagal_masuk", _("gagal masuk")
    TERKUNCI = "terkunci", _("akun terkunci")
    KELUAR = "keluar", _("keluar")
    DITOLAK = "ditolak", _("akses ditolak (403)")
    TIDAK_DITEMUKAN = "tidak_ditemukan", _("tidak ditemukan (404)")
    DINONAKTIFKAN = "dinonaktifkan", _("akun dinonaktifkan")


class CatatanAkses(models.Model):
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    jenis = models.CharField(_("jenis"), max_length=16, choices=JenisAkses.choices, db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("pengguna"),
    )  # fmt: skip
    username = models.CharField(_("nama pengguna"), max_length=150, blank=True)
    alamat_ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    metode = models.CharField(_("metode"), max_length=8, blank=True)
    path = models.CharField(_("alamat"), max_length=300, blank=True)
    status = models.PositiveSmallIntegerField(_("status HTTP"), null=True, blank=True)
    agen = models.CharField(_("peramban"), max_length=200, blank=True)

    class Meta:
        app_label = "sipd"
        verbose_name = _("catatan akses")
        verbose_name_plural = _("catatan akses")
        ordering = ["-waktu", "-id"]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.jenis} {self.username}"


def catat(jenis: str, request=None, *, user=None, username: str = "", status: int | None = None):
    """One row of the access log; the request gives address, method, path and browser."""
    from axes.helpers import get_client_ip_address, get_client_user_agent

    fields = {}
    if request is not None:
        fields = {
            "alamat_ip": get_client_ip_address(request) or None,
            "metode": (request.method or "")[:8],
            "path": request.get_full_path()[:300],
            "agen": get_client_user_agent(request)[:200],
        }
        if user is None and getattr(request, "user", None) is not None and request.user.is_authenticated:
            user = request.user
    if user is not None and not username:
        username = user.get_username()
    return CatatanAkses.objects.create(
        jenis=jenis, pengguna=user, username=username[:150], status=status, **fields
    )


class AuditAksesMiddleware:
    """Records refused requests: every 403, and a signed-in user's 404 (anonymous 404s are scanner noise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.status_code
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if status == 403 or (status == 404 and signed_in):
            jenis = JenisAkses.DITOLAK if status == 403 else JenisAkses.TIDAK_DITEMUKAN
            catat(jenis, request, status=status)
        return response
