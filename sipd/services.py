from django.core.cache import cache
from django.db import transaction

from sipd import access
from sipd.models import Pemda
from sipd.selectors import PEMDA_CACHE_KEY


@transaction.atomic
def simpan_pemda(*, user, form) -> Pemda:
    instance = form.instance
    if instance.pk:
        access.require(user, access.CHANGE, instance)
    elif not access.has_role(user, "admin"):
        raise access.PermissionDenied
    pemda = form.save()
    transaction.on_commit(lambda: cache.delete(PEMDA_CACHE_KEY))
    return pemda
