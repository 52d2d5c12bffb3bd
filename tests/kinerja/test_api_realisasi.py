"""The realization API: the page's validation, conflicts and workflow through the permission layer."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from kinerja.choices import StatusPelaporan
from kinerja.models import Realisasi
from tests.kinerja.factories import IndikatorFactory, RealisasiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def ind(two_opds):
    return IndikatorFactory(opd=two_opds.opd_a)


def simpan(api, ind, nilai, asal=None, kolom="nilai"):
    body = {"indikator": ind.pk, "tahun": 2025, "triwulan": 1, "kolom": kolom, "nilai": nilai, "asal": asal}
    return api.post("/api/v1/realisasi/simpan/", body, format="json")


def test_save_json_number_or_indonesian_text(api, two_opds, ind):
    api.force_authenticate(two_opds.users.operator_a)
    assert simpan(api, ind, 87.5).json()["nilai"] == "87.5000"
    assert simpan(api, ind, "1.234,5", asal="87,5").status_code == 200
    assert Realisasi.objects.get().nilai == Decimal("1234.5")


def test_malformed_number_conflict_and_other_opd(api, two_opds, ind):
    api.force_authenticate(two_opds.users.operator_a)
    simpan(api, ind, "80")
    bad = simpan(api, ind, "1,234.5", asal="80")
    assert bad.status_code == 400 and "tidak dapat dibaca" in bad.json()["detail"]
    stale = simpan(api, ind, "75", asal=None)
    assert stale.status_code == 409 and stale.json()["sekarang"] == "80"
    api.force_authenticate(two_opds.users.operator_b)
    assert simpan(api, ind, "1").status_code == 404
    assert api.get(f"/api/v1/realisasi/{Realisasi.objects.get().pk}/").status_code == 404
    api.force_authenticate(two_opds.users.pimpinan)
    assert simpan(api, ind, "1", asal="80").status_code == 403


def test_list_is_scoped_to_the_opd(api, two_opds, ind):
    RealisasiFactory(indikator=ind)
    RealisasiFactory(indikator__opd=two_opds.opd_b)
    api.force_authenticate(two_opds.users.operator_b)
    rows = api.get("/api/v1/realisasi/").json()["results"]
    assert [r["opd"] for r in rows] == [two_opds.opd_b.pk]
    api.force_authenticate(two_opds.users.bappeda)
    assert api.get("/api/v1/realisasi/").json()["count"] == 2


def test_workflow_actions(api, two_opds, ind):
    u = two_opds.users
    api.force_authenticate(u.operator_a)
    simpan(api, ind, "90")
    body = {"opd": two_opds.opd_a.pk, "tahun": 2025, "triwulan": 1}
    assert api.post("/api/v1/pelaporan/ajukan/", body, format="json").status_code == 403  # operator: setting
    api.force_authenticate(u.kepala_b)
    assert api.post("/api/v1/pelaporan/ajukan/", body, format="json").status_code == 404
    api.force_authenticate(u.kepala_a)
    pelaporan = api.post("/api/v1/pelaporan/ajukan/", body, format="json").json()
    assert pelaporan["status"] == StatusPelaporan.DIAJUKAN
    url = f"/api/v1/pelaporan/{pelaporan['id']}"
    assert api.post(f"{url}/verifikasi/").status_code == 403
    api.force_authenticate(u.bappeda)
    assert api.post(f"{url}/kembalikan/", {"catatan": {}}, format="json").status_code == 400
    returned = api.post(f"{url}/kembalikan/", {"catatan": {str(ind.pk): "Lengkapi bukti"}}, format="json")
    assert returned.json()["status"] == StatusPelaporan.DIKEMBALIKAN
    assert api.post(f"{url}/verifikasi/").status_code == 400  # not submitted any more
