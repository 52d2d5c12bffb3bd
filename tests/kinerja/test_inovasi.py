"""Inovasi Daerah: IID scoring (pure and SQL), the registry, evidence, the dashboard, the API."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.inovasi_skor import predikat, rata_rata, skor_inovasi
from kinerja.models import IndikatorInovasi, Inovasi, JawabanInovasi
from kinerja.selectors.inovasi import dengan_skor, ringkasan
from kinerja.services import inovasi as services
from tests.factories import OpdFactory
from tests.kinerja.factories import IndikatorFactory
from tests.kinerja.factories_inovasi import InovasiFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [
        (None, "Tidak Dapat Dinilai"), (0, "Tidak Dapat Dinilai"), (Decimal("0.01"), "Kurang Inovatif"),
        (Decimal("34.99"), "Kurang Inovatif"), (35, "Inovatif"), (60, "Inovatif"),
        (Decimal("60.01"), "Sangat Inovatif"), (100, "Sangat Inovatif"),
    ],
)  # fmt: skip
def test_predikat_as_the_issue_says(nilai, hasil):
    assert predikat(nilai) == hasil


def test_score_is_the_weighted_sum_scaled_to_100():
    # weights 6 and 4 (total 10); answers worth 100 % and 50 %: (6×100 + 4×50) / 10 = 80
    assert skor_inovasi([(Decimal(6), Decimal(100)), (Decimal(4), Decimal(50))], Decimal(10)) == 80
    assert skor_inovasi([], Decimal(10)) == 0
    assert rata_rata([Decimal(80), None], jumlah=4) == 20  # OPDs without innovation count as 0


def _jawab(inovasi, pilihan: int):
    """Answer every indicator of the scheme with option number `pilihan` (0–3)."""
    JawabanInovasi.objects.bulk_create(
        JawabanInovasi(inovasi=inovasi, indikator=ind, opsi=list(ind.opsi.all())[pilihan])
        for ind in IndikatorInovasi.objects.prefetch_related("opsi")
    )


@pytest.mark.django_db
def test_default_scheme_is_installed_and_scores_in_sql():
    assert IndikatorInovasi.objects.count() == 20
    assert sum(i.bobot for i in IndikatorInovasi.objects.all()) == 100
    penuh, nol, sepertiga = InovasiFactory(), InovasiFactory(), InovasiFactory()
    _jawab(penuh, 3)
    _jawab(nol, 0)
    _jawab(sepertiga, 1)
    skor = dict(dengan_skor(Inovasi.objects.all()).values_list("pk", "skor"))
    assert skor[penuh.pk] == 100 and skor[nol.pk] == 0
    assert round(skor[sepertiga.pk], 2) == Decimal("33.33")
    # an indicator Admin switches off no longer counts, in the weights nor in the answers
    IndikatorInovasi.objects.filter(kode="kualitas").update(aktif=False)
    JawabanInovasi.objects.filter(inovasi=nol, indikator__kode="kualitas").update(
        opsi=IndikatorInovasi.objects.get(kode="kualitas").opsi.last()
    )
    assert dengan_skor(Inovasi.objects.filter(pk=nol.pk)).get().skor == 0


@pytest.mark.django_db
def test_summary_flags_opds_without_innovation_in_three_queries(django_assert_num_queries):
    opd = [OpdFactory() for _ in range(4)]
    _jawab(InovasiFactory(opd=opd[0], tahapan="inisiatif", tanggal_uji_coba=None, tanggal_penerapan=None), 3)
    _jawab(InovasiFactory(opd=opd[0]), 1)
    _jawab(InovasiFactory(opd=opd[1], tahapan="uji_coba", tanggal_penerapan=None), 2)
    with django_assert_num_queries(3):  # scheme weight, perangkat daerah, innovations with their score
        r = ringkasan()
    assert [o.pk for o in r.tanpa_inovasi] == [opd[2].pk, opd[3].pk]
    assert {v: n for v, _label, n in r.per_tahapan} == {"inisiatif": 1, "uji_coba": 1, "penerapan": 1}
    # OPD indices: (100 + 33,33)/2 = 66,67 and 66,67; the region: (66,67 + 66,67 + 0 + 0) / 4 = 33,33
    assert round(r.indeks_daerah, 2) == Decimal("33.33") and r.predikat_daerah == "Kurang Inovatif"
    for _ in range(20):
        InovasiFactory(opd=opd[3])
    with django_assert_num_queries(3):
        assert len(ringkasan().tanpa_inovasi) == 1


@pytest.mark.django_db
def test_stage_dates_are_checked(two_opds):
    data = {"opd": two_opds.opd_a, "nama": "SIGAP", "jenis": "tata_kelola", "tahapan": "penerapan",
            "tanggal_inisiatif": "2024-01-01", "tanggal_uji_coba": None, "tanggal_penerapan": None,
            "permasalahan": "a", "metode": "b", "manfaat": "c"}  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.simpan_inovasi(user=two_opds.users.operator_a, data=data)
    assert set(exc.value.message_dict) == {"tanggal_uji_coba", "tanggal_penerapan"}


@pytest.mark.django_db
def test_operator_registers_an_innovation_with_answers_and_indicators(two_opds, login):
    client = login(two_opds.users.operator_a)
    indikator = IndikatorFactory(opd=two_opds.opd_a, nama="Indeks Kepuasan Masyarakat")
    skema = list(IndikatorInovasi.objects.prefetch_related("opsi"))
    data = {"opd": two_opds.opd_a.pk, "nama": "Puskesmas Keliling Digital", "jenis": "pelayanan_publik",
            "tahapan": "uji_coba", "tanggal_inisiatif": "2024-02-01", "tanggal_uji_coba": "2024-05-01",
            "permasalahan": "Jarak jauh", "metode": "Mobil layanan", "manfaat": "Akses lebih dekat",
            "indikator": [indikator.pk],
            **{f"jawaban_{i.pk}": list(i.opsi.all())[3].pk for i in skema}}  # fmt: skip
    response = client.post("/kinerja/inovasi/tambah/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    inovasi = Inovasi.objects.get()
    assert inovasi.jawaban.count() == 20 and list(inovasi.indikator.all()) == [indikator]
    html = client.get(f"/kinerja/inovasi/{inovasi.pk}/").content.decode()
    assert "100,00" in html and "Sangat Inovatif" in html
    # an option of another indicator is refused
    with pytest.raises(ValidationError):
        services.simpan_inovasi(
            user=two_opds.users.operator_a, inovasi=inovasi, data={},
            jawaban={skema[0].pk: list(skema[1].opsi.all())[0].pk},
        )  # fmt: skip
    # OPD B's operator cannot register for OPD A, nor see A's innovation
    other = login(two_opds.users.operator_b)
    assert other.post("/kinerja/inovasi/tambah/", {**data, "nama": "X"}).status_code == 200
    assert Inovasi.objects.count() == 1
    assert other.get(f"/kinerja/inovasi/{inovasi.pk}/").status_code == 404
    assert other.post(f"/kinerja/inovasi/{inovasi.pk}/hapus/").status_code == 404
    assert login(two_opds.users.pimpinan).get(f"/kinerja/inovasi/{inovasi.pk}/ubah/").status_code == 403


@pytest.mark.django_db
def test_evidence_checked_by_content_and_served_with_permission(two_opds, login):
    inovasi = InovasiFactory(opd=two_opds.opd_a)
    client = login(two_opds.users.operator_a)
    palsu = SimpleUploadedFile("sk.pdf", b"MZ not a pdf", content_type="application/pdf")
    client.post(f"/kinerja/inovasi/{inovasi.pk}/berkas/", {"berkas": palsu})
    assert not inovasi.berkas.exists()
    client.post(
        f"/kinerja/inovasi/{inovasi.pk}/berkas/", {"berkas": SimpleUploadedFile("sk bupati.pdf", PDF)}
    )
    berkas = inovasi.berkas.get()
    assert berkas.jenis_mime == "application/pdf" and berkas.token not in berkas.nama_asli
    assert client.get(f"/kinerja/inovasi/berkas/{berkas.token}/").status_code == 200
    assert login(two_opds.users.operator_b).get(f"/kinerja/inovasi/berkas/{berkas.token}/").status_code == 404
    assert (
        login(two_opds.users.operator_b).post(f"/kinerja/inovasi/berkas/{berkas.token}/hapus/").status_code
        == 404
    )
    client = login(two_opds.users.operator_a)
    assert client.post(f"/kinerja/inovasi/berkas/{berkas.token}/hapus/").status_code == 302
    assert not inovasi.berkas.exists()


@pytest.mark.django_db
def test_list_query_count_is_flat(two_opds, login, django_assert_max_num_queries):
    client = login(two_opds.users.bappeda)
    for n in (2, 15):
        for _ in range(n):
            _jawab(InovasiFactory(opd=two_opds.opd_a), 2)
        # session, user, roles, scheme weight, innovations with score and evidence count, OPD filter choices,
        # pemda profile, unread notifications, session save (+ savepoints): the same with 2 or 17 innovations
        with django_assert_max_num_queries(11):
            response = client.get("/kinerja/inovasi/")
        assert response.status_code == 200 and "66,67" in response.content.decode()


@pytest.mark.django_db
def test_dashboard_page_and_api(two_opds, login):
    _jawab(InovasiFactory(opd=two_opds.opd_a), 3)
    html = login(two_opds.users.pimpinan).get("/kinerja/inovasi/dasbor/").content.decode()
    assert "OPD tanpa inovasi" in html and "DPUPR" in html
    data = login(two_opds.users.bappeda).get("/api/v1/inovasi-ringkasan/").json()
    assert data["opd_tanpa_inovasi"] == [two_opds.opd_b.pk] and data["indeks_daerah"] == 50
    assert data["predikat_daerah"] == "Inovatif"
    assert login(two_opds.users.operator_a).get("/api/v1/inovasi-ringkasan/").status_code == 403
    rows = login(two_opds.users.operator_a).get("/api/v1/inovasi/").json()["results"]
    assert rows[0]["skor"] == 100 and rows[0]["predikat"] == "Sangat Inovatif"
    assert login(two_opds.users.operator_b).get("/api/v1/inovasi/").json()["results"] == []


@pytest.mark.django_db
def test_demo_seed_leaves_a_few_opds_flagged_and_is_idempotent():
    from kinerja import demo_inovasi
    from kinerja.models import ResponIkm, SurveiIkm
    from opd import demo

    demo.seed()
    pertama = demo_inovasi.seed()
    assert pertama["inovasi"] > 50 and pertama["survei"] == 4 and pertama["respon"] == 1200
    r = ringkasan()
    assert len(r.tanpa_inovasi) == demo_inovasi.TANPA_INOVASI and r.jumlah_inovasi == pertama["inovasi"]
    assert demo_inovasi.seed() == {"inovasi": 0, "survei": 0, "respon": 0}
    assert SurveiIkm.objects.count() == 4 and ResponIkm.objects.count() == 1200


@pytest.mark.django_db
def test_admin_edits_the_scheme_in_django_admin(two_opds, client):
    admin_user = two_opds.users.admin
    admin_user.is_staff = admin_user.is_superuser = True  # Django admin also needs model permissions
    admin_user.save()
    client.force_login(admin_user)
    ind = IndikatorInovasi.objects.get(kode="regulasi")
    response = client.get(f"/admin/kinerja/indikatorinovasi/{ind.pk}/change/")
    assert response.status_code == 200 and "Peraturan Kepala Daerah" in response.content.decode()
