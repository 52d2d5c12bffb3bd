"""The sla API: the same access layer as the pages; another OPD's request by id is a 404."""

import pytest
from rest_framework.test import APIClient

from sla.models import Permohonan
from tests.sla.conftest import PDF

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_request_through_the_api(two_opds, sla_ab):
    a, b = api(two_opds.users.operator_a), api(two_opds.users.operator_b)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = a.post(
        "/api/v1/sla/permohonan/",
        {"sla": sla_ab.pk, "pemohon": two_opds.opd_a.pk, "perihal": "Lewat API",
         "lampiran": [SimpleUploadedFile("surat.pdf", PDF)]},
        format="multipart",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    pk = response.data["id"]
    assert response.data["nomor"].startswith("PL-") and len(response.data["lampiran"]) == 1
    assert a.post(f"/api/v1/sla/permohonan/{pk}/terima/").status_code == 403
    assert b.post(f"/api/v1/sla/permohonan/{pk}/terima/").data["status"] == "diproses"
    refused = b.post(f"/api/v1/sla/permohonan/{pk}/selesaikan/", {"teks": ""}, format="json")
    assert refused.status_code == 400 and "hasil" in refused.data
    done = b.post(f"/api/v1/sla/permohonan/{pk}/selesaikan/", {"teks": "Terbit"}, format="json")
    assert done.data["status"] == "selesai" and done.data["tepat_waktu"] is not None
    assert [e["jenis"] for e in done.data["peristiwa"]] == ["diajukan", "diterima", "selesai"]


def test_other_opd_gets_404_and_lists_only_its_requests(two_opds, permohonan_ca, permohonan_ab):
    b = api(two_opds.users.operator_b)
    assert b.get(f"/api/v1/sla/permohonan/{permohonan_ca.pk}/").status_code == 404
    assert b.post(f"/api/v1/sla/permohonan/{permohonan_ca.pk}/terima/").status_code == 404
    ids = {row["id"] for row in b.get("/api/v1/sla/permohonan/").data["results"]}
    assert ids == {permohonan_ab.pk}
    assert api(two_opds.users.kepegawaian).get("/api/v1/sla/permohonan/").status_code == 403
    masuk = api(two_opds.users.operator_a).get("/api/v1/sla/permohonan/?arah=masuk").data["results"]
    assert [row["id"] for row in masuk] == [permohonan_ca.pk]


def test_heads_sign_through_the_api(two_opds):
    from tests.sla.factories import LayananFactory, SlaFactory

    sla = SlaFactory(
        layanan=LayananFactory(penyedia=two_opds.opd_b), penerima=[two_opds.opd_a], status="diajukan",
        diajukan_pada="2026-01-05T09:00:00+07:00",
    )  # fmt: skip
    response = api(two_opds.users.kepala_a).post(f"/api/v1/sla/{sla.pk}/tandatangan/")
    assert response.status_code == 200 and response.data["tanda_tangan"][0]["pihak"] == "penerima"
    assert api(two_opds.users.operator_a).post(f"/api/v1/sla/{sla.pk}/tandatangan/").status_code == 403
    assert api(two_opds.users.kepala_b).post(f"/api/v1/sla/{sla.pk}/tandatangan/").data["status"] == "berlaku"


def test_compliance_and_calculator_endpoints(two_opds, permohonan_ab):
    rows = api(two_opds.users.bappeda).get("/api/v1/sla/kepatuhan/?tahun=2026&kelompok=sla").data
    assert rows[0]["backlog"] == 1 and rows[0]["persen_tepat"] is None
    assert api(two_opds.users.bappeda).get("/api/v1/sla/kepatuhan/?tahun=abc").status_code == 400
    due = api(two_opds.users.operator_b).get(
        "/api/v1/sla/tenggat/", {"diterima": "2026-03-17T10:00:00+07:00", "standar": 3}
    )
    assert due.data["tenggat"].isoformat() == "2026-03-27T16:30:00+07:00"
    assert Permohonan.objects.count() == 1
