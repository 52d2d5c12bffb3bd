"""Ending a user's sessions (sessions live in PostgreSQL: django.contrib.sessions.backends.db)."""

from django.contrib.sessions.models import Session
from django.utils import timezone


def akhiri_sesi(user) -> int:
    """Delete every live session of `user` and their API token; returns the number of sessions ended."""
    from rest_framework.authtoken.models import Token

    pk = str(user.pk)
    ids = [
        s.session_key
        for s in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=500)
        if s.get_decoded().get("_auth_user_id") == pk
    ]
    Session.objects.filter(session_key__in=ids).delete()
    Token.objects.filter(user=user).delete()
    return len(ids)
