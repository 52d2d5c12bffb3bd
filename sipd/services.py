from django.db import transaction

from sipd import access
from sipd.models import Pemda
from sipd.selectors import forget_pemda_profile_on_commit


@transaction.atomic
def simpan_pemda(*, user, form) -> Pemda:
    instance = form.instance
    if instance.pk:
        access.require(user, access.CHANGE, instance)
    elif not access.has_role(user, "admin"):
        raise access.PermissionDenied
    pemda = form.save()
    forget_pemda_profile_on_commit()
    return pemda
