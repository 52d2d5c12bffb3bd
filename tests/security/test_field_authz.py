"""Field-level access: an operator changes no target and no verification field, through any page or endpoint.

Generic: every named route of the URL configuration (pages and API, present and future) is sent every
unsafe method, as form data and as JSON, with a body that names every protected field with a hostile value
(and uses each protected field as the `kolom` a cell save targets), on real objects of the operator's own
OPD. Afterwards the protected rows must be exactly as before. The same sweep by Bappeda must change them,
which proves the requests reach the real code paths.
"""

import datetime
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from kinerja.choices import StatusPelaporan
from tests.kinerja.factories import IndikatorFactory, JadwalFactory, PelaporanFactory, RealisasiFactory

# model → fields an operator may never change (None: every field, and no row may appear or disappear).
PROTECTED = {
    "kinerja.Target": None,
    "kinerja.RevisiTarget": None,
    "kinerja.Indikator": ["target_akhir", "target_akhir_atas"],
    "kinerja.PelaporanTriwulan": ["status", "diverifikasi", "diverifikasi_oleh"],
    "kinerja.CatatanVerifikasi": None,
    "kinerja.JadwalTriwulan": None,
    "kinerja.BukaKunci": None,
}
SKIP_ROUTES = {"logout", "set_language", "api-docs", "schema"}  # no data; logout would end the sweep
UNSAFE = ("post", "put", "patch", "delete")


def _fields(model, names):
    concrete = [f for f in model._meta.concrete_fields if not f.primary_key]
    return [f for f in concrete if names is None or f.name in names]


def _snapshot() -> dict:
    state = {}
    for label, names in PROTECTED.items():
        model = apps.get_model(label)
        columns = ["pk", *(f.attname for f in _fields(model, names))]
        state[label] = sorted(map(repr, model.objects.values_list(*columns)))
    return state


def _hostile(field) -> object:
    if isinstance(field, models.DecimalField | models.IntegerField | models.FloatField):
        return "999999"
    if isinstance(field, models.DateTimeField):
        return "2025-01-01T00:00"
    if isinstance(field, models.DateField):
        return "2020-01-01"
    if isinstance(field, models.BooleanField):
        return "true"
    if field.choices:
        return field.choices[-1][0]
    return "diubah oleh operator"


def _bodies(objects) -> list[dict]:
    protected = {}
    for label, names in PROTECTED.items():
        for field in _fields(apps.get_model(label), names):
            if not field.is_relation:
                protected[field.name] = _hostile(field)
    protected |= {"status": StatusPelaporan.DIVERIFIKASI, "keputusan": "verifikasi"}
    keys = {
        "indikator": objects["indikator"].pk, "tahun": 2025, "triwulan": 1, "opd": objects["opd"].pk,
        "pelaporan": objects["pelaporan"].pk, "jadwal": objects["jadwal"].pk, "asal": "",
        "catatan": "catatan operator", "alasan": "operator", "sampai": "2030-01-01T00:00",
        "buka-alasan": "operator", "buka-sampai": "2030-01-01T00:00",
    }  # fmt: skip
    bodies = [{**protected, **keys, "aksi": aksi} for aksi in ("jadwal", "kunci", "buka", "verifikasi")]
    bodies += [{**keys, "kolom": name, "nilai": "999999"} for name in protected]
    return bodies


def _routes(resolver=None, names=(), namespace=""):
    """(route name, its URL parameter names) for every named route outside Django admin."""
    for pattern in (resolver or get_resolver()).url_patterns:
        params = (*names, *pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from _routes(pattern, params, ns)
        elif isinstance(pattern, URLPattern) and pattern.name not in {None, *SKIP_ROUTES}:
            if "format" in params:  # DRF's format-suffix twin of another route
                continue
            yield namespace + pattern.name, params


def _paths(name, params, objects) -> list[str]:
    """The route filled with the ids of the protected objects (every candidate for a bare `pk`)."""
    fixed = {"opd": objects["opd"].pk, "tahun": 2025, "triwulan": 1, "token": objects["token"],
             "app_label": "kinerja", "model_name": "target"}  # fmt: skip
    candidates = [{}]
    for param in params:
        if param in fixed:
            candidates = [{**c, param: fixed[param]} for c in candidates]
        else:
            ids = sorted({o.pk for key, o in objects.items() if hasattr(o, "pk")})
            candidates = [{**c, param: pk} for c in candidates for pk in ids]
    paths = []
    for kwargs in candidates:
        try:
            paths.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:
            continue
    return paths


@pytest.fixture
def objects(two_opds):
    opd = two_opds.opd_a
    JadwalFactory(tahun=2025, triwulan=1, mulai=datetime.date(2025, 1, 1), selesai=datetime.date(2030, 1, 1))
    indikator = IndikatorFactory(opd=opd, targets={2025: Decimal("80")})
    realisasi = RealisasiFactory(indikator=indikator)
    bukti = realisasi.bukti.create(token="uji", nama_asli="a.pdf", jenis_mime="application/pdf", ukuran=1)
    pelaporan = PelaporanFactory(opd=opd, status=StatusPelaporan.DIAJUKAN)
    pelaporan.catatan.create(indikator=indikator, catatan="perbaiki", oleh=two_opds.users.bappeda)
    return {
        "opd": opd, "indikator": indikator, "target": indikator.target.first(), "realisasi": realisasi,
        "pelaporan": pelaporan, "jadwal": apps.get_model("kinerja.JadwalTriwulan").objects.get(),
        "catatan": pelaporan.catatan.get(), "token": bukti.token,
    }  # fmt: skip


def _sweep(client, user, objects, until=None) -> int:
    """Every route × unsafe method × body; a path refused as a whole (403/404/405) gets no more bodies."""
    client.force_login(user)
    sent = 0
    bodies = _bodies(objects)
    for name, params in _routes():
        if until and until():
            break
        for path in _paths(name, params, objects):
            for method in UNSAFE:
                send = getattr(client, method)
                for body in bodies:
                    statuses = {send(path, json.dumps(body), content_type="application/json").status_code}
                    if method == "post":
                        statuses.add(send(path, body).status_code)
                    sent += 1
                    if statuses <= {403, 404, 405}:
                        break
    return sent


@pytest.mark.django_db
def test_operator_changes_no_target_or_verification_field_anywhere(two_opds, objects, client):
    before = _snapshot()
    sent = _sweep(client, two_opds.users.operator_a, objects)
    assert sent > 50
    after = _snapshot()
    changed = {label for label in before if before[label] != after[label]}
    assert not changed, f"operator mengubah {changed}"


@pytest.mark.django_db
def test_the_same_sweep_by_bappeda_does_change_them(two_opds, objects, client):
    before = _snapshot()
    labels = ("kinerja.PelaporanTriwulan", "kinerja.JadwalTriwulan")

    def all_changed():
        now = _snapshot()
        return all(before[label] != now[label] for label in labels)

    _sweep(client, two_opds.users.bappeda, objects, until=all_changed)
    assert all_changed()
