"""OPD and pegawai pages: the tree, heads and Plt., filters, masking of private data, flat query counts."""

import datetime

import pytest
from django.test import Client

from opd.choices import JenisOpd, StatusPegawai
from opd.models import Opd, Pegawai
from tests.factories import UnitFactory, nik_for, nip_for


def _masked(value: str) -> str:
    return value[:4] + "•" * (len(value) - 6) + value[-2:]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _names(response) -> list[str]:
    return [p.nama for p in response.context["page"]]


@pytest.fixture
def unit_a(two_opds):
    """A bidang of OPD A with pegawai_a placed in it."""
    unit = UnitFactory(induk=two_opds.opd_a, nama="Bidang Pencegahan dan Pengendalian Penyakit")
    Pegawai.objects.filter(pk=two_opds.pegawai_a.pk).update(unit=unit)
    return unit


@pytest.mark.django_db
class TestOpdTree:
    def test_lists_both_opds_and_the_unit_under_its_parent(self, two_opds, unit_a, login):
        response = login(two_opds.users.operator_b).get("/opd/")
        assert response.status_code == 200
        tree = response.context["pohon"]
        assert [node["opd"] for node in tree] == [two_opds.opd_a, two_opds.opd_b]
        assert [child["opd"] for child in tree[0]["anak"]] == [unit_a]
        assert tree[1]["anak"] == []

        content = response.content.decode()
        a, unit, b = (content.index(o.nama) for o in (two_opds.opd_a, unit_a, two_opds.opd_b))
        assert a < unit < b
        nested = content[a:b]
        assert '<ul class="list-unstyled ms-4">' in nested
        assert nested.index('<ul class="list-unstyled ms-4">') < nested.index(unit_a.nama)

    def test_staff_counts_and_missing_head(self, two_opds, unit_a, login):
        Opd.objects.filter(pk=two_opds.opd_a.pk).update(kepala=two_opds.pegawai_a)
        tree = login(two_opds.users.bappeda).get("/opd/").context["pohon"]
        opd_a, opd_b = (node["opd"] for node in tree)
        # OPD A: its two staff (one of them placed in the unit); the unit: the one placed there.
        assert (opd_a.jumlah_pegawai, tree[0]["anak"][0]["opd"].jumlah_pegawai, opd_b.jumlah_pegawai) == (
            2,
            1,
            1,
        )

        content = login(two_opds.users.bappeda).get("/opd/").content.decode()
        assert content.count("tanpa kepala") == 1  # only OPD B, which has neither head nor Plt.
        assert content.index("tanpa kepala") > content.index(two_opds.opd_b.nama)

    def test_inactive_staff_are_not_counted(self, two_opds, login):
        Pegawai.objects.filter(pk=two_opds.honorer_a.pk).update(aktif=False)
        tree = login(two_opds.users.admin).get("/opd/").context["pohon"]
        assert tree[0]["opd"].jumlah_pegawai == 1


@pytest.mark.django_db
class TestOpdDetail:
    def test_definitive_head(self, two_opds, login):
        Pegawai.objects.filter(pk=two_opds.pegawai_a.pk).update(
            jabatan="Kepala Dinas Kesehatan", eselon="II.b"
        )
        Opd.objects.filter(pk=two_opds.opd_a.pk).update(kepala=two_opds.pegawai_a)
        content = login(two_opds.users.operator_a).get(f"/opd/{two_opds.opd_a.pk}/").content.decode()
        assert "Siti Aminah" in content
        assert "Kepala Dinas Kesehatan · Eselon II.b" in content
        assert "Plt." not in content
        assert "kosong" not in content

    def test_vacant_post_with_plt(self, two_opds, login):
        opd = two_opds.opd_b
        opd.kepala = None
        opd.pelaksana = two_opds.pegawai_a
        opd.jenis_pelaksana = "plt"
        opd.save()
        content = login(two_opds.users.bappeda).get(f"/opd/{opd.pk}/").content.decode()
        assert '<span class="text-danger">kosong</span>' in content
        assert '<dt class="col-5">Plt. (Pelaksana Tugas)</dt><dd class="col-7">Siti Aminah' in content

        # The tree treats the Plt. as the acting head: no "tanpa kepala" badge on OPD B (the last node).
        tree = login(two_opds.users.bappeda).get("/opd/").content.decode()
        assert "tanpa kepala" not in tree[tree.index(opd.nama) :]

    def test_units_staff_summary_and_breadcrumb(self, two_opds, unit_a, login):
        client = login(two_opds.users.kepala_a)
        response = client.get(f"/opd/{two_opds.opd_a.pk}/")
        assert list(response.context["units"]) == [unit_a]
        assert response.context["rekap"] == {"total": 2, "pns": 1, "pppk": 0, "non_asn": 1}
        content = response.content.decode()
        assert f'<a href="/opd/{unit_a.pk}/">{unit_a.nama}</a>' in content
        assert f'href="/pegawai/?opd={two_opds.opd_a.pk}"' in content

        unit_page = client.get(f"/opd/{unit_a.pk}/").content.decode()
        assert f'<a href="/opd/{two_opds.opd_a.pk}/">Dinkes</a>' in unit_page
        assert "Tidak ada unit di bawahnya." in unit_page
        # The staff list link of a unit goes to its parent's list (the filter takes perangkat daerah only).
        assert f'href="/pegawai/?opd={two_opds.opd_a.pk}"' in unit_page

    def test_unknown_opd_is_404(self, two_opds, login):
        assert login(two_opds.users.admin).get("/opd/999999/").status_code == 404


@pytest.mark.django_db
class TestPegawaiList:
    def test_filters(self, two_opds, login):
        client = login(two_opds.users.admin)
        assert _names(client.get("/pegawai/")) == ["Budi Santoso", "Rina Honorer", "Siti Aminah"]
        assert _names(client.get("/pegawai/", {"q": "siti"})) == ["Siti Aminah"]
        assert _names(client.get("/pegawai/", {"q": "  aminah "})) == ["Siti Aminah"]
        assert _names(client.get("/pegawai/", {"status": StatusPegawai.NON_ASN})) == ["Rina Honorer"]
        assert _names(client.get("/pegawai/", {"status": StatusPegawai.PNS})) == [
            "Budi Santoso",
            "Siti Aminah",
        ]
        assert _names(client.get("/pegawai/", {"opd": two_opds.opd_b.pk})) == ["Budi Santoso"]
        both = {"opd": two_opds.opd_a.pk, "status": StatusPegawai.PNS}
        assert _names(client.get("/pegawai/", both)) == ["Siti Aminah"]
        empty = client.get("/pegawai/", {"q": "tidak ada yang bernama ini"})
        assert _names(empty) == []
        assert "Tidak ada pegawai yang cocok dengan saringan." in empty.content.decode()

    def test_opd_user_sees_only_own_opd_whatever_the_filter(self, two_opds, login):
        client = login(two_opds.users.operator_a)
        assert _names(client.get("/pegawai/")) == ["Rina Honorer", "Siti Aminah"]
        assert _names(client.get("/pegawai/", {"opd": two_opds.opd_b.pk})) == []
        assert _names(client.get("/pegawai/", {"q": "Budi"})) == []

    def test_htmx_request_gets_only_the_table(self, two_opds, login):
        client = login(two_opds.users.admin)
        response = client.get("/pegawai/", {"q": "Budi"}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert [t.name for t in response.templates][0] == "opd/_pegawai_table.html"
        content = response.content.decode()
        assert "<html" not in content and '<nav class="navbar' not in content and "<form" not in content
        assert content.lstrip().startswith(
            '<p class="small text-body-secondary mb-2" role="status">1 pegawai</p>'
        )
        assert "Budi Santoso" in content and "Siti Aminah" not in content

        full = client.get("/pegawai/", {"q": "Budi"}).content.decode()
        assert full.startswith("<!doctype html>")
        assert '<div id="tabel-pegawai">' in full

    def test_pagination_keeps_the_filter(self, two_opds, login):
        _more_pegawai(two_opds, 55)
        client = login(two_opds.users.admin)
        response = client.get("/pegawai/", {"q": "tambahan"})
        assert response.context["page"].paginator.count == 55
        assert len(response.context["page"]) == 50
        content = response.content.decode()
        assert "55 pegawai" in content
        assert 'href="?q=tambahan&page=2"' in content
        assert _names(client.get("/pegawai/", {"q": "tambahan", "page": 2}))[0] == "Pegawai Tambahan 051"


@pytest.mark.django_db
class TestPrivateData:
    @pytest.mark.parametrize("role", ["operator_a", "kepala_a", "bappeda", "pimpinan"])
    def test_nip_and_nik_masked(self, two_opds, login, role):
        client = login(getattr(two_opds.users, role))
        nip, nik = two_opds.pegawai_a.nip, two_opds.honorer_a.nik
        for url in ("/pegawai/", f"/pegawai/{two_opds.pegawai_a.pk}/", f"/pegawai/{two_opds.honorer_a.pk}/"):
            content = client.get(url).content.decode()
            assert nip not in content and nik not in content, url
        listing = client.get("/pegawai/").content.decode()
        assert _masked(nip) in listing and _masked(nik) in listing
        assert _masked(nip) in client.get(f"/pegawai/{two_opds.pegawai_a.pk}/").content.decode()

    @pytest.mark.parametrize("role", ["kepegawaian", "admin"])
    def test_nip_and_nik_shown_to_personnel_roles(self, two_opds, login, role):
        client = login(getattr(two_opds.users, role))
        listing = client.get("/pegawai/").content.decode()
        assert two_opds.pegawai_a.nip in listing
        assert two_opds.pegawai_b.nip in listing
        assert two_opds.honorer_a.nik in listing
        assert "•" not in listing

    @pytest.mark.parametrize("role", ["operator_a", "kepala_a", "bappeda", "pimpinan"])
    def test_wage_hidden_from_other_roles(self, two_opds, login, role):
        content = (
            login(getattr(two_opds.users, role)).get(f"/pegawai/{two_opds.honorer_a.pk}/").content.decode()
        )
        assert "Upah dilaporkan ke BPJS" in content
        assert "disembunyikan" in content
        assert "2.000.000" not in content and "2000000" not in content

    @pytest.mark.parametrize("role", ["kepegawaian", "admin"])
    def test_wage_shown_to_personnel_roles(self, two_opds, login, role):
        content = (
            login(getattr(two_opds.users, role)).get(f"/pegawai/{two_opds.honorer_a.pk}/").content.decode()
        )
        assert "Rp2.000.000" in content
        assert "disembunyikan" not in content

    def test_asn_has_no_wage_row(self, two_opds, login):
        content = login(two_opds.users.admin).get(f"/pegawai/{two_opds.pegawai_a.pk}/").content.decode()
        assert "Upah dilaporkan ke BPJS" not in content


def _more_pegawai(two_opds, n: int, *, units=()):
    """n more pegawai across both OPDs (a third non-ASN), placed in `units` in turn when given."""
    rows = []
    for i in range(1, n + 1):
        opd = two_opds.opd_a if i % 2 else two_opds.opd_b
        unit = units[i % len(units)] if units else None  # None in `units`: not placed in a unit
        if unit is not None:
            opd = unit.induk
        if i % 3 == 0:
            extra = {
                "status": StatusPegawai.NON_ASN,
                "nik": nik_for(i, wilayah="321502"),
                "upah_bpjs": 2_100_000,
            }
        else:
            extra = {"status": StatusPegawai.PNS, "nip": nip_for(i, lahir=datetime.date(1990, 6, 1))}
        rows.append(
            Pegawai(nama=f"Pegawai Tambahan {i:03d}", opd=opd, unit=unit, jabatan="Pelaksana", **extra)
        )
    return Pegawai.objects.bulk_create(rows)


def _more_units(two_opds, n: int):
    rows = [
        Opd(
            kode=f"{parent.kode[:-4]}{100 + i:04d}",
            nama=f"Unit Tambahan {i:02d}",
            jenis=JenisOpd.UPTD if i % 2 else JenisOpd.BIDANG,
            induk=parent,
            urutan=i,
        )
        for i in range(1, n + 1)
        for parent in [two_opds.opd_a if i % 2 else two_opds.opd_b]
    ]
    return Opd.objects.bulk_create(rows)


@pytest.mark.django_db
class TestQueryCounts:
    """Each page makes the same number of queries with 3 pegawai, 2 OPDs as with 53 pegawai and 10 more units.

    Every signed-in page pays 7 for the request itself: session, user, roles (sipd.access.roles_of), unread
    notifications (context processor), and the session save (SESSION_SAVE_EVERY_REQUEST: UPDATE between a
    SAVEPOINT and its RELEASE). The Pemda profile comes from Redis, or is one query while no profile exists.
    """

    BASE = 8  # the 7 above + the Pemda profile (none in these tests)

    def _grow(self, two_opds):
        units = _more_units(two_opds, 10)
        Opd.objects.filter(pk=units[0].pk).update(kepala=two_opds.pegawai_a)
        Opd.objects.filter(pk=two_opds.opd_b.pk).update(pelaksana=two_opds.pegawai_b, jenis_pelaksana="plh")
        _more_pegawai(two_opds, 50, units=[*units[:4], None, None])

    def _check(self, two_opds, django_assert_max_num_queries, user, url, bound, **extra):
        client = _client(user)
        client.get(url, **extra)  # warm the per-process caches first
        with django_assert_max_num_queries(bound) as small:
            assert client.get(url, **extra).status_code == 200
        self._grow(two_opds)
        with django_assert_max_num_queries(bound) as big:
            assert client.get(url, **extra).status_code == 200
        assert len(big) == len(small), [q["sql"][:120] for q in big.captured_queries]

    @pytest.mark.parametrize("role", ["admin", "operator_a"])
    def test_pegawai_list(self, two_opds, django_assert_max_num_queries, role):
        # + COUNT of the rows, the OPD choices of the filter form, the page of pegawai with OPD and unit.
        self._check(
            two_opds, django_assert_max_num_queries, getattr(two_opds.users, role), "/pegawai/", self.BASE + 3
        )

    def test_pegawai_list_htmx(self, two_opds, django_assert_max_num_queries):
        # The partial needs no filter form: + count and the page of pegawai.
        self._check(
            two_opds, django_assert_max_num_queries, two_opds.users.bappeda, "/pegawai/", self.BASE + 2,
            headers={"HX-Request": "true"},
        )  # fmt: skip

    @pytest.mark.parametrize("role", ["admin", "operator_b"])
    def test_opd_tree(self, two_opds, django_assert_max_num_queries, role):
        # + one query for the whole tree: every OPD with its head, Plt. and staff count (subqueries).
        self._check(
            two_opds, django_assert_max_num_queries, getattr(two_opds.users, role), "/opd/", self.BASE + 1
        )

    @pytest.mark.parametrize("role", ["admin", "operator_a"])
    def test_opd_detail(self, two_opds, django_assert_max_num_queries, role):
        # + the OPD with parent, head and Plt.; staff counts by status; "may see its staff" (EXISTS);
        #   its units with their heads and staff counts.
        user = getattr(two_opds.users, role)
        self._check(
            two_opds, django_assert_max_num_queries, user, f"/opd/{two_opds.opd_a.pk}/", self.BASE + 4
        )

    @pytest.mark.parametrize("role", ["admin", "kepala_a", "operator_b"])
    def test_beranda(self, two_opds, django_assert_max_num_queries, role):
        # + staff counts by status; OPD counts; for OPD roles their OPDs with heads and unit counts;
        #   for global roles up to 10 OPDs without a head, and the disaster tile for Admin, Bappeda and
        #   Pimpinan (bencana.selectors.ringkasan_bencana: at most 3, tested in tests/bencana).
        tile = 3 if role == "admin" else 0
        self._check(
            two_opds, django_assert_max_num_queries, getattr(two_opds.users, role), "/", self.BASE + 3 + tile
        )

    def test_pegawai_detail(self, two_opds, django_assert_max_num_queries):
        # + the pegawai with OPD and unit.
        self._check(
            two_opds, django_assert_max_num_queries, two_opds.users.kepala_a,
            f"/pegawai/{two_opds.pegawai_a.pk}/", self.BASE + 1,
        )  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/pegawai/?q={}", "/api/v1/pegawai/?q={}"])
def test_masked_roles_cannot_probe_nip_digits_by_search(two_opds, login, path):
    prefix = two_opds.pegawai_a.nip[:10]
    masked = login(two_opds.users.bappeda).get(path.format(prefix))
    assert two_opds.pegawai_a.nama not in masked.content.decode()
    shown = login(two_opds.users.kepegawaian).get(path.format(prefix))
    assert two_opds.pegawai_a.nama in shown.content.decode()
