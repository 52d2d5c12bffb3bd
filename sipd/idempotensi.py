"""A record of jobs that have finished, by key: a job delivered twice (acks_late after a lost worker) runs
its effect once. `sipd.tasks.uji_keandalan` uses it, and the fault tests prove it with a killed worker."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TugasSelesai(models.Model):
    kunci = models.CharField(_("kunci"), max_length=200, unique=True)
    percobaan = models.PositiveIntegerField(_("percobaan"), default=0)
    efek = models.PositiveIntegerField(_("efek dijalankan"), default=0)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        app_label = "sipd"
        verbose_name = _("tugas selesai")
        verbose_name_plural = _("tugas selesai")

    def __str__(self):
        return self.kunci
