"""The one permission layer: who sees and changes what, by role and by OPD.

Every model that holds domain data declares an `Aturan` (rule) and uses `RestrictedQuerySet`. Pages, API,
exports and tasks read through `visible_to(user, action)` and write after `can(user, action, obj)`, so an
object of another OPD requested by id is a 404, never a leak.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import reduce

from django.conf import settings
from django.core.exceptions import PermissionDenied  # noqa: F401 - re-exported for services
from django.db import models
from django.http import Http404

from sipd.roles import PERAN_GLOBAL, PERAN_OPD, Peran

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"


def _frozen(mapping: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    return {action: frozenset(roles) for action, roles in mapping.items()}


@dataclass(frozen=True)
class Aturan:
    """Access rule of one model.

    `global_roles[action]`: roles that may do `action` on every row.
    `opd_roles[action]`: roles that may do `action` on rows of the OPDs where they hold that role.
    `opd_field`: lookup path from the model to the owning OPD's id (None: not owned by an OPD).
    `semua_pengguna`: actions every signed-in user with any role may do on every row (a directory).
    """

    global_roles: Mapping[str, Iterable[str]] = field(default_factory=dict)
    opd_roles: Mapping[str, Iterable[str]] = field(default_factory=dict)
    opd_field: str | None = None
    semua_pengguna: frozenset[str] = frozenset()

    def __post_init__(self):
        object.__setattr__(self, "global_roles", _frozen(self.global_roles))
        object.__setattr__(self, "opd_roles", _frozen(self.opd_roles))
        unknown = set().union(*self.global_roles.values(), set()) - PERAN_GLOBAL
        scoped = set().union(*self.opd_roles.values(), set()) - PERAN_OPD
        if unknown or scoped:
            raise ValueError(f"peran tidak sesuai cakupannya: {unknown | scoped}")
        if self.opd_roles and not self.opd_field:
            raise ValueError("opd_roles needs opd_field")


@dataclass(frozen=True)
class RoleSet:
    """The roles one user holds, loaded once per request."""

    global_roles: frozenset[str]
    opd_roles: Mapping[str, frozenset[int]]  # role -> ids of OPDs
    superuser: bool = False

    def has(self, role: str) -> bool:
        return role in self.global_roles or bool(self.opd_roles.get(role))

    @property
    def opd_ids(self) -> frozenset[int]:
        return reduce(operator.or_, self.opd_roles.values(), frozenset())

    @property
    def all_roles(self) -> frozenset[str]:
        return self.global_roles | {r for r, ids in self.opd_roles.items() if ids}


_ANONYMOUS = RoleSet(frozenset(), {})


def roles_of(user) -> RoleSet:
    if user is None or not user.is_authenticated or not user.is_active:
        return _ANONYMOUS
    cached = getattr(user, "_sipd_peran", None)
    if cached is not None:
        return cached
    global_roles: set[str] = set()
    opd_roles: dict[str, set[int]] = {}
    for role, opd_id in user.daftar_peran.values_list("peran", "opd_id"):
        if role in PERAN_GLOBAL:
            global_roles.add(role)
        elif role in PERAN_OPD and opd_id is not None:
            opd_roles.setdefault(role, set()).add(opd_id)
    if user.is_superuser:
        global_roles.add(Peran.ADMIN)
    result = RoleSet(
        frozenset(global_roles),
        {role: frozenset(ids) for role, ids in opd_roles.items()},
        superuser=user.is_superuser,
    )
    user._sipd_peran = result
    return result


def _rule(model) -> Aturan:
    rule = getattr(model, "aturan_akses", None)
    if rule is None:
        raise TypeError(f"{model.__name__} has no aturan_akses")
    return rule


def _scope(model, user, action) -> bool | frozenset[int]:
    """True: every row; a set: rows of these OPD ids; an empty set: nothing."""
    peran = roles_of(user)
    rule = _rule(model)
    if peran.superuser or peran.global_roles & rule.global_roles.get(action, frozenset()):
        return True
    if action in rule.semua_pengguna and peran.all_roles:
        return True
    ids: frozenset[int] = frozenset()
    for role in rule.opd_roles.get(action, ()):
        ids |= peran.opd_roles.get(role, frozenset())
    return ids


def restrict(queryset: models.QuerySet, user, action: str = VIEW) -> models.QuerySet:
    scope = _scope(queryset.model, user, action)
    if scope is True:
        return queryset
    if not scope:
        return queryset.none()
    return queryset.filter(**{f"{_rule(queryset.model).opd_field}__in": scope})


def can_any(user, action: str, model) -> bool:
    """May the user do `action` on at least some rows of `model` (for menus and list pages)?"""
    return bool(_scope(model, user, action))


def can(user, action: str, obj: models.Model) -> bool:
    scope = _scope(type(obj), user, action)
    if scope is True:
        return True
    if not scope:
        return False
    path = _rule(type(obj)).opd_field
    value = obj
    for part in path.split("__"):
        value = getattr(value, part)
        if value is None:
            return False
    return value in scope


def can_for_opd(user, action: str, model, opd_id: int) -> bool:
    """May the user do `action` on rows of `model` that belong to OPD `opd_id`?"""
    scope = _scope(model, user, action)
    return scope is True or opd_id in scope


def require(user, action: str, obj: models.Model) -> None:
    """The write check: a visible object the user may not change is a 403, an invisible one a 404."""
    if can(user, action, obj):
        return
    if action != VIEW and can(user, VIEW, obj):
        raise PermissionDenied
    raise Http404


def get_visible_or_404(queryset: models.QuerySet, user, action: str = VIEW, **lookup):
    try:
        return restrict(queryset, user, action).get(**lookup)
    except queryset.model.DoesNotExist:
        if action != VIEW and restrict(queryset, user, VIEW).filter(**lookup).exists():
            raise PermissionDenied from None
        raise Http404 from None


def has_role(user, *roles: str) -> bool:
    peran = roles_of(user)
    return peran.superuser or any(peran.has(role) for role in roles)


# Private fields (pegawai): numbers shown masked, amounts not shown at all, to roles that may not see them.
DATA_PRIBADI_DISAMARKAN = frozenset({"nip", "nik"})
DATA_PRIBADI_DISEMBUNYIKAN = frozenset({"upah_bpjs"})


def can_see_private_data(user) -> bool:
    """NIK, NIP and wage are shown only to the roles named in SIPD_PERAN_DATA_PRIBADI."""
    return has_role(user, *settings.SIPD_PERAN_DATA_PRIBADI)


class RestrictedQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = VIEW):
        return restrict(self, user, action)
