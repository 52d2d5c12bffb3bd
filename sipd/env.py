"""Typed readers for environment variables: a bad value stops start-up with a clear message."""

import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def env_str(name: str, default: str = "") -> str:
    value = _raw(name)
    return default if value is None else value


def env_bool(name: str, default: bool = False) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} harus bernilai true/false, bukan {value!r}")


def env_int(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} harus bilangan bulat, bukan {value!r}") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} minimal {minimum}, bukan {number}")
    if maximum is not None and number > maximum:
        raise ImproperlyConfigured(f"{name} maksimal {maximum}, bukan {number}")
    return number


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: set[str] | list[str]) -> str:
    value = env_str(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name} harus salah satu dari {sorted(choices)}, bukan {value!r}")
    return value


def env_url(name: str, default: str, schemes: set[str]) -> str:
    value = env_str(name, default)
    parsed = urlparse(value)
    if parsed.scheme not in schemes:
        raise ImproperlyConfigured(f"{name} harus URL dengan skema {sorted(schemes)}, bukan {value!r}")
    return value


def parse_skala_predikat(items: list[str]):
    """["91:Sangat Tinggi", …, ":Sangat Rendah"] → [(91, "Sangat Tinggi"), …, (None, "Sangat Rendah")].

    Bounds must fall from band to band; only the last band (the catch-all) has no bound.
    """
    from decimal import Decimal, InvalidOperation

    skala = []
    for item in items:
        batas, sep, label = item.partition(":")
        if not sep or not label.strip():
            raise ImproperlyConfigured(f"SIPD_PREDIKAT: '{item}' harus berbentuk batas:label")
        try:
            skala.append((Decimal(batas.strip()) if batas.strip() else None, label.strip()))
        except InvalidOperation:
            raise ImproperlyConfigured(f"SIPD_PREDIKAT: batas '{batas}' bukan angka") from None
    bounds = [b for b, _label in skala[:-1]]
    if len(skala) < 2 or skala[-1][0] is not None or None in bounds or bounds != sorted(bounds, reverse=True):
        raise ImproperlyConfigured("SIPD_PREDIKAT: batas menurun; pita terakhir tanpa batas (:Sangat Rendah)")
    return skala
