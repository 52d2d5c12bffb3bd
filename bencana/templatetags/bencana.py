"""`{% tile_bencana %}`: the disaster tile for dashboards; the opd beranda loads it, opd imports nothing."""

from django import template

from bencana.selectors import ringkasan_bencana
from sipd import access
from sipd.roles import Peran

register = template.Library()

PERAN_TILE = (Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN)


@register.inclusion_tag("bencana/_tile.html", takes_context=True)
def tile_bencana(context):
    user = context["request"].user
    if not access.has_role(user, *PERAN_TILE):
        return {"tampil": False}
    return {"tampil": True, "ringkasan": ringkasan_bencana()}
