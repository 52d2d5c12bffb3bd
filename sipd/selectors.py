from django.core.cache import cache
from django.db import transaction

from sipd.models import Pemda

PEMDA_CACHE_KEY = "pemda:profil"


def pemda_profile() -> Pemda | None:
    """The Pemda profile, cached: every page shows it."""
    profile = cache.get(PEMDA_CACHE_KEY)
    if profile is None:
        profile = Pemda.objects.first()
        if profile is not None:
            cache.set(PEMDA_CACHE_KEY, profile, 3600)
    return profile


def forget_pemda_profile_on_commit() -> None:
    """Drop the cached profile once the change that touched it commits."""
    transaction.on_commit(lambda: cache.delete(PEMDA_CACHE_KEY))
