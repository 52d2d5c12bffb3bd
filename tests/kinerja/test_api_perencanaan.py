"""Planning API: the tree, filters, indicator and target writes through the services, OPD scoping, schema."""

from decimal import Decimal

import pytest
import yaml
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from drf_spectacular.validation import validate_schema

from kinerja.models import Indikator, RevisiTarget, Target
from kinerja.services import perencanaan as services
from tests.kinerja.factories import IndikatorFactory, PeriodeFactory, SasaranFactory, SubKegiatanFactory
from tests.kinerja.test_perencanaan_pages import _cabang


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _kode(response) -> list[str]:
    return sorted(row["kode"] for row in response.json()["results"])


def _setujui(users, indikator):
    services.setujui_rpjmd(user=users.bappeda, periode=indikator.periode)
    services.setujui_renstra(user=users.bappeda, renstra=services.renstra_butir(indikator))


@pytest.mark.django_db
class TestPohon:
    def test_nested_tree_scoped_to_the_users_opd(self, two_opds):
        periode = PeriodeFactory()
        _cabang(two_opds.opd_a, periode, 1)
        data = _client(two_opds.users.bappeda).get(f"/api/v1/periode/{periode.pk}/pohon/").json()
        assert data["periode"]["tahun_awal"] == 2025
        sasaran = data["misi"][0]["tujuan"][0]["sasaran"][0]
        assert sasaran["indikator"][0]["target"][0] == {
            "id": sasaran["indikator"][0]["target"][0]["id"], "tahun": 2025, "nilai": "80.0000",
            "nilai_atas": None, "tw1": None, "tw2": None, "tw3": None, "tw4": None,
        }  # fmt: skip
        assert sasaran["strategi"][0]["arah_kebijakan"][0]["uraian"] == "Arah kebijakan 0"
        program = sasaran["sasaran_pd"][0]["program"][0]
        assert program["pagu"] == [{"tahun": 2025, "jumlah": "1250000000.00"}]
        assert program["indikator"][0]["opd_nama"] == "Dinas Kesehatan"

        data = _client(two_opds.users.kepala_b).get(f"/api/v1/periode/{periode.pk}/pohon/").json()
        sasaran = data["misi"][0]["tujuan"][0]["sasaran"][0]
        assert (sasaran["indikator"], sasaran["sasaran_pd"]) == ([], [])

    def test_query_count_is_flat(self, two_opds):
        periode = PeriodeFactory()
        _cabang(two_opds.opd_a, periode, 2)
        client = _client(two_opds.users.pimpinan)

        def hitung():
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(f"/api/v1/periode/{periode.pk}/pohon/").status_code == 200
            return len(ctx.captured_queries)

        sedikit = hitung()
        _cabang(two_opds.opd_a, periode, 2, start=2)
        assert hitung() == sedikit


@pytest.mark.django_db
class TestFilter:
    def test_by_periode_opd_and_level(self, two_opds):
        a = IndikatorFactory(opd=two_opds.opd_a, kode="A-SPD")
        b = IndikatorFactory(opd=two_opds.opd_b, kode="B-SPD")
        IndikatorFactory(opd=two_opds.opd_a, kode="A-SAS", sasaran=SasaranFactory())
        sub = SubKegiatanFactory(opd=two_opds.opd_a, periode=a.periode)
        IndikatorFactory(opd=two_opds.opd_a, kode="A-SUB", nomenklatur=sub)
        IndikatorFactory(opd=two_opds.opd_a, kode="A-LAMA", periode=PeriodeFactory(tahun_awal=2020))
        client = _client(two_opds.users.bappeda)
        url = "/api/v1/indikator/"
        assert _kode(client.get(url, {"periode": a.periode_id})) == ["A-SAS", "A-SPD", "A-SUB", "B-SPD"]
        assert _kode(client.get(url, {"opd": two_opds.opd_b.pk})) == ["B-SPD"]
        assert _kode(client.get(url, {"tingkat": "sasaran_pd", "periode": a.periode_id})) == [
            "A-SPD",
            "B-SPD",
        ]
        assert _kode(client.get(url, {"tingkat": "sub_kegiatan"})) == ["A-SUB"]
        assert _kode(client.get(url, {"tingkat": "sasaran"})) == ["A-SAS"]
        assert client.get(url, {"tingkat": "bukan"}).status_code == 400
        # An OPD user lists the own OPD's indicators only.
        assert "B-SPD" not in _kode(_client(two_opds.users.operator_a).get(url))
        targets = client.get("/api/v1/target/", {"opd": two_opds.opd_b.pk, "tahun": 2025}).json()["results"]
        assert [t["indikator"] for t in targets] == [b.pk]
        nomen = client.get("/api/v1/nomenklatur/", {"tingkat": "program", "opd": two_opds.opd_a.pk}).json()
        assert [n["kode"] for n in nomen["results"]] == [sub.induk.induk.kode]

    def test_other_opd_by_id_is_404(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        client = _client(two_opds.users.operator_b)
        assert client.get(f"/api/v1/indikator/{indikator.pk}/").status_code == 404
        assert client.get(f"/api/v1/target/{indikator.target.first().pk}/").status_code == 404
        assert client.get(f"/api/v1/sasaran-pd/{indikator.sasaran_pd_id}/").status_code == 404


@pytest.mark.django_db
class TestIndikatorWrite:
    def _data(self, simpul_field, simpul_pk, **extra):
        return {simpul_field: simpul_pk, "kode": "API-01", "nama": "Cakupan desa ODF", "satuan": "%",
                "polaritas": "positif", "sifat": "nilai_akhir", "kondisi_awal_tahun": 2024,
                "kondisi_awal": "40",
                "target_akhir": "100", **extra}  # fmt: skip

    def test_create_through_the_service(self, two_opds):
        base = IndikatorFactory(opd=two_opds.opd_a)
        client = _client(two_opds.users.bappeda)
        response = client.post(
            "/api/v1/indikator/",
            self._data("sasaran_pd", base.sasaran_pd_id),
            content_type="application/json",
        )
        assert response.status_code == 201, response.json()
        assert response.json()["opd"] == two_opds.opd_a.pk and response.json()["tingkat"] == "sasaran_pd"
        # Same rules as the pages: a Renstra indicator belongs to its OPD; a code once per period.
        response = client.post(
            "/api/v1/indikator/",
            self._data("sasaran_pd", base.sasaran_pd_id, kode="API-02", opd=two_opds.opd_b.pk),
            content_type="application/json",
        )  # fmt: skip
        assert response.status_code == 400
        assert "dipertanggungjawabkan OPD pemiliknya" in response.json()["opd"][0]
        response = client.post(
            "/api/v1/indikator/",
            self._data("sasaran_pd", base.sasaran_pd_id),
            content_type="application/json",
        )
        assert "sudah dipakai" in response.json()["kode"][0]
        response = client.post(
            "/api/v1/indikator/", self._data("tujuan", None), content_type="application/json"
        )
        assert "Isi tepat satu" in response.json()["simpul"][0]

    def test_operator_and_other_opd_refused(self, two_opds):
        base = IndikatorFactory(opd=two_opds.opd_a)
        data = self._data("sasaran_pd", base.sasaran_pd_id)
        assert _client(two_opds.users.operator_a).post("/api/v1/indikator/", data).status_code == 403
        assert _client(two_opds.users.kepala_a).post("/api/v1/indikator/", data).status_code == 403
        assert Indikator.objects.count() == 1

    def test_final_target_change_after_approval(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        _setujui(two_opds.users, indikator)
        client = _client(two_opds.users.bappeda)
        url = f"/api/v1/indikator/{indikator.pk}/"
        response = client.patch(url, {"target_akhir": "95"}, content_type="application/json")
        assert response.status_code == 400 and "alasan" in response.json()
        response = client.patch(
            url, {"target_akhir": "95", "jenis": "perubahan_rpjmd", "alasan": "Perubahan RPJMD"},
            content_type="application/json",
        )  # fmt: skip
        assert response.status_code == 200 and response.json()["target_akhir"] == "95.0000"
        assert client.delete(url).status_code == 400  # approved: not deleted


@pytest.mark.django_db
class TestTargetWrite:
    def test_plain_update_before_approval(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        target = indikator.target.get(tahun=2025)
        response = _client(two_opds.users.kepala_a).patch(
            f"/api/v1/target/{target.pk}/", {"nilai": "81.5", "tw1": "20"}, content_type="application/json"
        )
        assert response.status_code == 200, response.json()
        target.refresh_from_db()
        assert (target.nilai, target.tw1) == (Decimal("81.5"), Decimal("20"))
        assert not RevisiTarget.objects.exists()

    def test_revision_after_approval_needs_basis_and_reason(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        _setujui(two_opds.users, indikator)
        target = indikator.target.get(tahun=2026)
        client = _client(two_opds.users.bappeda)
        url = f"/api/v1/target/{target.pk}/"
        response = client.patch(url, {"nilai": "84"}, content_type="application/json")
        assert response.status_code == 400
        assert response.json()["alasan"] == ["Rencana sudah disetujui: tuliskan alasan perubahan target."]
        response = client.patch(
            url, {"nilai": "84", "jenis": "perubahan_renstra", "alasan": "Evaluasi Renstra"},
            content_type="application/json",
        )  # fmt: skip
        assert response.status_code == 200
        revisi = _client(two_opds.users.operator_a).get("/api/v1/revisi-target/", {"indikator": indikator.pk})
        row = revisi.json()["results"][0]
        assert (row["tahun"], row["nilai_lama"], row["nilai_baru"], row["alasan"], row["oleh"]) == (
            2026, "82.0000", "84.0000", "Evaluasi Renstra", two_opds.users.bappeda.username,
        )  # fmt: skip
        # The Kepala OPD no longer changes an approved Renstra's targets: 403 with the reason.
        response = _client(two_opds.users.kepala_a).patch(
            url, {"nilai": "85", "jenis": "koreksi", "alasan": "x"}, content_type="application/json"
        )
        assert response.status_code == 403 and "Renstra sudah disetujui" in response.json()["detail"]

    def test_operator_403_other_opd_404(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        target = indikator.target.get(tahun=2025)
        body = {"nilai": "1"}
        assert (
            _client(two_opds.users.operator_a)
            .patch(f"/api/v1/target/{target.pk}/", body, content_type="application/json")
            .status_code
            == 403
        )
        assert (
            _client(two_opds.users.kepala_b)
            .patch(f"/api/v1/target/{target.pk}/", body, content_type="application/json")
            .status_code
            == 404
        )
        assert _client(two_opds.users.operator_a).delete(f"/api/v1/target/{target.pk}/").status_code == 403
        assert Target.objects.get(pk=target.pk).nilai == Decimal("80")

    def test_create_and_delete(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a, targets={2025: 80})
        client = _client(two_opds.users.bappeda)
        response = client.post(
            "/api/v1/target/", {"indikator": indikator.pk, "tahun": 2026, "nilai": "82", "nilai_atas": "84"},
            content_type="application/json",
        )  # fmt: skip
        assert response.status_code == 201, response.json()
        response = client.post(
            "/api/v1/target/", {"indikator": indikator.pk, "tahun": 2026, "nilai": "82"},
            content_type="application/json",
        )  # fmt: skip
        assert "Target tahun 2026 sudah ada" in response.json()["tahun"][0]
        response = client.post(
            "/api/v1/target/", {"indikator": indikator.pk, "tahun": 2027, "nilai": "90", "nilai_atas": "85"},
            content_type="application/json",
        )  # fmt: skip
        assert "Batas atas tidak boleh lebih kecil" in response.json()["nilai_atas"][0]
        other = IndikatorFactory(opd=two_opds.opd_b)
        response = _client(two_opds.users.kepala_a).post(
            "/api/v1/target/",
            {"indikator": other.pk, "tahun": 2026, "nilai": "1"},
            content_type="application/json",
        )
        assert response.status_code == 403  # only Bappeda adds targets
        target = indikator.target.get(tahun=2026)
        assert client.delete(f"/api/v1/target/{target.pk}/").status_code == 204


def test_schema_lists_the_planning_endpoints(two_opds):
    response = _client(two_opds.users.bappeda).get("/api/schema/")
    schema = yaml.safe_load(response.content)
    validate_schema(schema)
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/indikator/"])
    assert {"get", "put", "patch", "delete"} <= set(paths["/api/v1/target/{id}/"])
    assert set(paths["/api/v1/periode/{id}/pohon/"]) == {"get"}
    parameters = {p["name"] for p in paths["/api/v1/indikator/"]["get"]["parameters"]}
    assert {"periode", "opd", "tingkat"} <= parameters
