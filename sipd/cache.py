"""Django's Redis cache that degrades instead of failing: with Redis down, reads miss and writes are dropped.

Pages then compute what they would have cached, a little slower, and keep serving (sessions are in
PostgreSQL). Each failure is logged; the connection timeouts in settings keep a dead Redis from stalling
requests.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("sipd.cache")
GANGGUAN = (RedisConnectionError, RedisTimeoutError, OSError)


def _tahan(default=None, *, dari_argumen: str | None = None):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except GANGGUAN as exc:
                logger.warning("Redis (cache) tidak tersedia, %s dilewati: %s", method.__name__, exc)
                if dari_argumen == "default":
                    return kwargs.get("default", args[1] if len(args) > 1 else None)
                return default() if callable(default) else default

        return wrapper

    return decorator


class RedisCacheTahanGangguan(RedisCache):
    get = _tahan(dari_argumen="default")(RedisCache.get)
    get_many = _tahan(dict)(RedisCache.get_many)
    has_key = _tahan(False)(RedisCache.has_key)
    set = _tahan()(RedisCache.set)
    set_many = _tahan(list)(RedisCache.set_many)
    add = _tahan(False)(RedisCache.add)
    touch = _tahan(False)(RedisCache.touch)
    delete = _tahan(False)(RedisCache.delete)
    delete_many = _tahan()(RedisCache.delete_many)
    clear = _tahan(False)(RedisCache.clear)

    def get_or_set(self, key, default, timeout=None, version=None):
        # The parent's add()+get() would both miss with Redis down: compute the value instead of None.
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            if value is not None:
                self.add(key, value, timeout=timeout, version=version)
        return value
