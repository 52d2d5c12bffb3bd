"""The read-only API: paging, filters, rows by OPD, masking of private data, auth, schema, query counts."""

import datetime

import pytest
import yaml
from django.test import Client
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token

from opd.choices import StatusPegawai
from opd.models import Opd, Pegawai
from sipd.models import Notifikasi
from tests.factories import UnitFactory, nik_for, nip_for

LIST = "/api/v1/pegawai/"


def _client(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def _detail(pegawai) -> str:
    return f"{LIST}{pegawai.pk}/"


def _names(response) -> list[str]:
    return [row["nama"] for row in response.json()["results"]]


def _masked(value: str) -> str:
    return value[:4] + "•" * (len(value) - 6) + value[-2:]


def _more_pegawai(opd, n: int, *, start: int = 1):
    rows = [
        Pegawai(
            nama=f"Pegawai Tambahan {i:03d}",
            status=StatusPegawai.PNS,
            nip=nip_for(i, lahir=datetime.date(1991, 2, 3)),
            opd=opd,
            jabatan="Pelaksana",
        )
        if i % 4
        else Pegawai(
            nama=f"Pegawai Tambahan {i:03d}",
            status=StatusPegawai.NON_ASN,
            nik=nik_for(i, wilayah="321503"),
            upah_bpjs=1_900_000,
            opd=opd,
        )
        for i in range(start, start + n)
    ]
    return Pegawai.objects.bulk_create(rows)


@pytest.mark.django_db
class TestList:
    def test_paginated(self, two_opds):
        _more_pegawai(two_opds.opd_a, 55)
        client = _client(two_opds.users.admin)
        data = client.get(LIST).json()
        assert data["count"] == 58
        assert len(data["results"]) == 50
        assert data["previous"] is None
        assert data["next"] == "http://testserver/api/v1/pegawai/?page=2"
        page2 = client.get(data["next"]).json()
        assert len(page2["results"]) == 8
        assert page2["next"] is None
        ids = {row["id"] for row in data["results"]} | {row["id"] for row in page2["results"]}
        assert len(ids) == 58

    def test_page_size_is_capped(self, two_opds):
        client = _client(two_opds.users.admin)
        assert len(client.get(LIST, {"page_size": 2}).json()["results"]) == 2
        _more_pegawai(two_opds.opd_b, 510)
        assert len(client.get(LIST, {"page_size": 10_000}).json()["results"]) == 500

    def test_filters(self, two_opds):
        client = _client(two_opds.users.admin)
        assert _names(client.get(LIST)) == ["Budi Santoso", "Rina Honorer", "Siti Aminah"]
        assert _names(client.get(LIST, {"status": "non_asn"})) == ["Rina Honorer"]
        assert _names(client.get(LIST, {"opd": two_opds.opd_b.pk})) == ["Budi Santoso"]
        assert _names(client.get(LIST, {"q": "aminah"})) == ["Siti Aminah"]
        assert _names(client.get(LIST, {"opd": two_opds.opd_a.pk, "status": "pns"})) == ["Siti Aminah"]
        assert _names(client.get(LIST, {"ordering": "-nama"})) == [
            "Siti Aminah",
            "Rina Honorer",
            "Budi Santoso",
        ]

    def test_bad_filter_values_are_a_400_naming_the_field(self, two_opds):
        client = _client(two_opds.users.admin)
        unit = UnitFactory(induk=two_opds.opd_a)
        for params, field in (
            ({"status": "kontrak"}, "status"),
            ({"opd": unit.pk}, "opd"),
            ({"opd": "x"}, "opd"),
        ):
            response = client.get(LIST, params)
            assert response.status_code == 400, params
            assert field in response.json()

    def test_opd_user_sees_only_own_opd(self, two_opds):
        client = _client(two_opds.users.operator_a)
        data = client.get(LIST).json()
        assert data["count"] == 2
        assert {row["opd"] for row in data["results"]} == {two_opds.opd_a.pk}
        assert _names(client.get(LIST, {"opd": two_opds.opd_b.pk})) == []
        assert _names(client.get(LIST, {"q": "Budi"})) == []

    def test_other_opd_row_by_id_is_404(self, two_opds):
        client = _client(two_opds.users.operator_a)
        assert client.get(_detail(two_opds.pegawai_a)).status_code == 200
        response = client.get(_detail(two_opds.pegawai_b))
        assert response.status_code == 404
        assert "Budi" not in response.content.decode()

    def test_opd_endpoint_is_a_directory(self, two_opds):
        unit = UnitFactory(induk=two_opds.opd_a)
        client = _client(two_opds.users.operator_b)
        data = client.get("/api/v1/opd/").json()
        assert [row["id"] for row in data["results"]] == [two_opds.opd_a.pk, unit.pk, two_opds.opd_b.pk]
        assert [
            r["id"] for r in client.get("/api/v1/opd/", {"induk": two_opds.opd_a.pk}).json()["results"]
        ] == [unit.pk]


@pytest.mark.django_db
class TestPrivateData:
    @pytest.mark.parametrize("role", ["operator_a", "kepala_a", "bappeda", "pimpinan"])
    def test_masked_for_roles_without_private_data(self, two_opds, role):
        client = _client(getattr(two_opds.users, role))
        asn = client.get(_detail(two_opds.pegawai_a)).json()
        assert asn["nip"] == _masked(two_opds.pegawai_a.nip)
        assert asn["nik"] is None
        honorer = client.get(_detail(two_opds.honorer_a)).json()
        assert honorer["nip"] is None
        assert honorer["nik"] == _masked(two_opds.honorer_a.nik)
        assert honorer["upah_bpjs"] is None
        listing = client.get(LIST).content.decode()
        assert two_opds.pegawai_a.nip not in listing
        assert two_opds.honorer_a.nik not in listing
        assert "2000000" not in listing

    @pytest.mark.parametrize("role", ["kepegawaian", "admin"])
    def test_shown_to_personnel_roles(self, two_opds, role):
        client = _client(getattr(two_opds.users, role))
        asn = client.get(_detail(two_opds.pegawai_a)).json()
        assert asn["nip"] == two_opds.pegawai_a.nip
        honorer = client.get(_detail(two_opds.honorer_a)).json()
        assert honorer["nik"] == two_opds.honorer_a.nik
        assert honorer["upah_bpjs"] == 2_000_000
        assert honorer["opd_nama"] == "Dinas Kesehatan"
        assert honorer["unit_nama"] is None


@pytest.mark.django_db
class TestAuthentication:
    def test_token_auth(self, two_opds):
        token = Token.objects.create(user=two_opds.users.kepegawaian)
        client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
        data = client.get(LIST).json()
        assert data["count"] == 3
        assert client.get(_detail(two_opds.pegawai_a)).json()["nip"] == two_opds.pegawai_a.nip
        assert client.get("/api/v1/saya/").json()["username"] == "bkpsdm1"
        assert "sessionid" not in client.cookies

    def test_token_of_an_opd_user_is_scoped_like_the_session(self, two_opds):
        token = Token.objects.create(user=two_opds.users.operator_a)
        client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
        assert client.get(LIST).json()["count"] == 2
        assert client.get(_detail(two_opds.pegawai_b)).status_code == 404

    @pytest.mark.parametrize(
        "header", ["Token 0123456789abcdef0123456789abcdef01234567", "Token", "Bearer x"]
    )
    def test_bad_or_missing_token_is_refused(self, two_opds, header):
        Token.objects.create(user=two_opds.users.admin)
        response = Client(HTTP_AUTHORIZATION=header).get(LIST)
        assert response.status_code in (401, 403)
        assert "results" not in response.json()

    def test_token_of_a_deactivated_user_is_refused(self, two_opds):
        token = Token.objects.create(user=two_opds.users.admin)
        two_opds.users.admin.is_active = False
        two_opds.users.admin.save(update_fields=["is_active"])
        response = Client(HTTP_AUTHORIZATION=f"Token {token.key}").get(LIST)
        assert response.status_code in (401, 403)

    def test_session_post_without_csrf_is_refused(self, two_opds):
        user = two_opds.users.operator_a
        notif = Notifikasi.objects.create(penerima=user, judul="Data kinerja TW I belum diisi")
        url = f"/api/v1/notifikasi/{notif.pk}/baca/"
        client = _client(user, enforce_csrf_checks=True)
        response = client.post(url)
        assert response.status_code == 403
        assert "CSRF" in response.json()["detail"]
        notif.refresh_from_db()
        assert notif.dibaca is None

        # The same request with the token from the cookie goes through.
        client.get("/")  # sets the csrftoken cookie
        response = client.post(url, HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
        assert response.status_code == 200
        notif.refresh_from_db()
        assert notif.dibaca is not None

    def test_token_post_needs_no_csrf(self, two_opds):
        user = two_opds.users.operator_a
        notif = Notifikasi.objects.create(penerima=user, judul="Data kinerja TW I belum diisi")
        token = Token.objects.create(user=user)
        client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Token {token.key}")
        assert client.post(f"/api/v1/notifikasi/{notif.pk}/baca/").status_code == 200


@pytest.mark.django_db
class TestReadOnly:
    @pytest.mark.parametrize("role", ["admin", "kepegawaian", "operator_a", "bappeda"])
    def test_write_methods_are_refused_and_change_nothing(self, two_opds, role):
        client = _client(getattr(two_opds.users, role))
        pegawai = two_opds.pegawai_a
        body = {"nama": "Diubah Lewat API", "status": "pns", "nip": pegawai.nip, "opd": two_opds.opd_a.pk}
        calls = [
            ("post", LIST),
            ("put", _detail(pegawai)),
            ("patch", _detail(pegawai)),
            ("delete", _detail(pegawai)),
            ("post", "/api/v1/opd/"),
            ("put", f"/api/v1/opd/{two_opds.opd_a.pk}/"),
            ("patch", f"/api/v1/opd/{two_opds.opd_a.pk}/"),
            ("delete", f"/api/v1/opd/{two_opds.opd_a.pk}/"),
        ]
        for method, url in calls:
            response = getattr(client, method)(url, body, content_type="application/json")
            assert response.status_code in (403, 405), (method, url, response.status_code)
        assert Pegawai.objects.count() == 3
        assert Pegawai.objects.get(pk=pegawai.pk).nama == "Siti Aminah"
        assert Opd.objects.count() == 2

    def test_admin_gets_method_not_allowed(self, two_opds):
        response = _client(two_opds.users.admin).delete(_detail(two_opds.pegawai_a))
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.django_db
def test_schema_is_valid_openapi_3(two_opds):
    response = _client(two_opds.users.operator_a).get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)
    assert schema["info"]["title"] == "SIPD API"
    paths = schema["paths"]
    assert set(paths["/api/v1/pegawai/"]) == {"get"}
    assert set(paths["/api/v1/pegawai/{id}/"]) == {"get"}
    parameters = {p["name"] for p in paths["/api/v1/pegawai/"]["get"]["parameters"]}
    assert {"page", "page_size", "q", "opd", "status", "ordering"} <= parameters
    assert {"/api/v1/opd/", "/api/v1/saya/", "/api/v1/notifikasi/{id}/baca/"} <= set(paths)
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])

    as_json = _client(two_opds.users.operator_a).get("/api/schema/", {"format": "json"}).json()
    assert as_json["paths"].keys() == paths.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["kepegawaian", "operator_a"])
def test_list_query_count_is_flat(two_opds, django_assert_max_num_queries, role):
    """7 queries: session, user, roles (sipd.access.roles_of), COUNT of the visible rows, the page of pegawai
    with OPD and unit (select_related), and the session save (SAVEPOINT, UPDATE, RELEASE)."""
    client = _client(getattr(two_opds.users, role))
    client.get(LIST)
    with django_assert_max_num_queries(8) as small:
        assert client.get(LIST).status_code == 200
    unit = UnitFactory(induk=two_opds.opd_a)
    rows = _more_pegawai(two_opds.opd_a, 30) + _more_pegawai(two_opds.opd_b, 30, start=31)
    Pegawai.objects.filter(pk__in=[r.pk for r in rows[:10]]).update(unit=unit)
    with django_assert_max_num_queries(8) as big:
        response = client.get(LIST)
    assert len(response.json()["results"]) == (50 if role == "kepegawaian" else 32)
    assert len(big) == len(small)
