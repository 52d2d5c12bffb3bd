from django.db import models
from django.utils.translation import gettext_lazy as _


class Peran(models.TextChoices):
    ADMIN = "admin", _("Admin")
    BAPPEDA = "bappeda", _("Bappeda")
    PIMPINAN = "pimpinan", _("Pimpinan")
    KEPEGAWAIAN = "kepegawaian", _("Kepegawaian")
    KEPALA_OPD = "kepala_opd", _("Kepala OPD")
    OPERATOR_OPD = "operator_opd", _("Operator OPD")


# Roles held across the whole Pemda, and roles held for one OPD.
PERAN_GLOBAL = frozenset({Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN, Peran.KEPEGAWAIAN})
PERAN_OPD = frozenset({Peran.KEPALA_OPD, Peran.OPERATOR_OPD})
SEMUA_PERAN = PERAN_GLOBAL | PERAN_OPD
