from django.conf import settings
from django.core.checks import Error, register

from sla.calculations import parse_jam_kerja


@register()
def jam_kerja_sah(app_configs, **kwargs):
    """SIPD_SLA_JAM_KERJA must parse: a bad value stops start-up with the variable named."""
    try:
        parse_jam_kerja(settings.SIPD_SLA_JAM_KERJA)
    except ValueError as exc:
        return [Error(f"SIPD_SLA_JAM_KERJA: {exc}", id="sla.E001")]
    return []
