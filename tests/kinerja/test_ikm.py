"""IKM (PermenPAN-RB 14/2017): the pure arithmetic, the SQL results, the public questionnaire, the pages."""

import datetime
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.ikm import ikm, mutu, sampel_minimal
from kinerja.models import Realisasi, ResponIkm
from kinerja.selectors.ikm import hasil_survei, laporan
from kinerja.services import ikm as services
from kinerja.services.realisasi import Konflik
from tests.kinerja.factories import IndikatorFactory, JadwalFactory, RealisasiFactory
from tests.kinerja.factories_inovasi import SurveiFactory, respon

# A worked example by hand: three respondents, blanks in U3, U5 and U9.
#   NRR U1 11/3, U2 8/3, U3 7/2, U4 8/3, U5 4, U6 10/3, U7 11/3, U8 8/3, U9 7/2; Σ NRR = 89/3
#   IKM = (89/3) / 9 × 25 = 2225/27 = 82,407… → B (Baik)
CONTOH = [
    [4, 3, 4, 3, 4, 3, 4, 3, 4],
    [3, 3, None, 2, 4, 3, 3, 3, None],
    [4, 2, 3, 3, None, 4, 4, 2, 3],
]


@pytest.mark.parametrize(
    ("jawaban", "nilai", "kode"),
    [
        ([[4] * 9], Fraction(100), "A"),
        ([[3] * 9], Fraction(75), "C"),
        ([[2] * 9], Fraction(50), "D"),
        ([[1] * 9], Fraction(25), "D"),
        ([[4] * 9, [3] * 9], Fraction(175, 2), "B"),  # 87,50
        (CONTOH, Fraction(2225, 27), "B"),
        ([[4, 4, 4, 4, 4, 4, 4, 4, None], [3, 3, 3, 3, 3, 3, 3, 3, 4]], Fraction(800, 9), "A"),  # 88,89
    ],
)
def test_ikm_worked_examples(jawaban, nilai, kode):
    hasil = ikm(jawaban)
    assert hasil.nilai == nilai
    assert hasil.mutu.kode == kode
    assert hasil.responden == len(jawaban)


def test_nrr_per_element_counts_only_who_answered():
    hasil = ikm(CONTOH)
    assert hasil.terjawab == (3, 3, 2, 3, 2, 3, 3, 3, 2)
    assert hasil.nrr == tuple(
        Fraction(x) for x in ("11/3", "8/3", "7/2", "8/3", "4", "10/3", "11/3", "8/3", "7/2")
    )
    assert f"{hasil.nilai_desimal:.2f}" == "82.41"
    assert mutu(hasil.nilai).kinerja == "Baik"


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("100", "A"), ("88.305", "A"), ("88.3049", "B"), ("88.30", "B"), ("76.61", "B"), ("76.605", "B"),
        ("76.6049", "C"), ("65.00", "C"), ("64.995", "C"), ("64.9949", "D"), ("25", "D"),
    ],
)  # fmt: skip
def test_mutu_boundaries_follow_the_two_decimal_display(nilai, kode):
    assert mutu(Fraction(nilai)).kode == kode


def test_element_nobody_answered_leaves_ikm_undefined():
    hasil = ikm([[4, 4, 4, 4, 4, 4, 4, 4, None]])
    assert hasil.nilai is None and hasil.mutu is None and hasil.nrr[8] is None
    assert ikm([]).nilai is None


@pytest.mark.parametrize("baris", [[4] * 8, [5] * 9, [0] * 9, [True] * 9])
def test_bad_answers_are_refused(baris):
    with pytest.raises(ValueError):
        ikm([baris])


@pytest.mark.parametrize(
    ("populasi", "sampel"),
    [
        (10, 10), (50, 44), (100, 80), (101, 86), (200, 132), (500, 217), (1000, 278), (5000, 357),
        (10000, 370), (100000, 384), (5_000_000, 384), (5, 5), (0, None), (None, None),
    ],
)  # fmt: skip
def test_krejcie_morgan_takes_the_next_row_up(populasi, sampel):
    assert sampel_minimal(populasi) == sampel


JAWABAN = st.lists(st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9), max_size=40)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(jawaban=JAWABAN)
def test_sql_result_equals_the_pure_function(jawaban):
    survei = SurveiFactory()
    respon(survei, jawaban)
    sql, murni = hasil_survei(survei), ikm(jawaban)
    assert (sql.responden, sql.terjawab, sql.jumlah, sql.nrr, sql.nilai) == (
        murni.responden, murni.terjawab, murni.jumlah, murni.nrr, murni.nilai,
    )  # fmt: skip
    assert sql.mutu == murni.mutu


@pytest.mark.django_db
@pytest.mark.parametrize("banyak", [10, 10_000])
def test_results_page_data_in_fixed_queries(banyak, django_assert_num_queries):
    survei = SurveiFactory()
    respon(survei, ([4, 3, 3, 4, None, 3, 4, 2, 3] for _ in range(banyak)), saran="Antrean lama", usia=30)
    # 1 aggregate per element, 3 grouped profile counts, 1 age-group count, 1 page of comments
    with django_assert_num_queries(6):
        lap = laporan(survei)
    assert lap.hasil.responden == banyak
    assert lap.unsur_terendah.kode == "U8"
    assert dict(lap.profil["usia"])["30–39"] == banyak


# ---------------------------------------------------------------------------------------------------------
# The public questionnaire
# ---------------------------------------------------------------------------------------------------------
def _isi(client, survei, **extra):
    profil = {
        "usia": "34",
        "jenis_kelamin": "P",
        "pendidikan": "s1",
        "pekerjaan": "swasta",
        "saran": "Mantap",
    }
    data = {f"u{i}": "4" for i in range(1, 10)} | profil | extra
    return client.post(f"/kinerja/skm/{survei.token}/", data)


@pytest.mark.django_db
def test_questionnaire_without_login_one_answer_per_device(client):
    survei = SurveiFactory()
    halaman = client.get(f"/kinerja/skm/{survei.token}/")
    assert halaman.status_code == 200 and "Persyaratan" in halaman.content.decode()
    assert services.COOKIE_PERANGKAT in halaman.cookies
    jawab = _isi(client, survei, u9="")
    assert jawab.status_code == 200 and "Terima kasih" in jawab.content.decode()
    r = ResponIkm.objects.get()
    assert r.jawaban == [4, 4, 4, 4, 4, 4, 4, 4, None] and r.usia == 34 and r.saran == "Mantap"
    assert len(r.perangkat) == 64  # a keyed hash, never the cookie's token
    assert client.get(f"/kinerja/skm/{survei.token}/").content.decode().count("sudah mengisi") == 1
    _isi(client, survei)
    assert ResponIkm.objects.count() == 1


@pytest.mark.django_db
def test_posting_without_the_device_cookie_is_asked_to_reload(client):
    survei = SurveiFactory()
    response = _isi(client, survei)
    assert response.status_code == 400 and "Muat ulang" in response.content.decode()
    assert not ResponIkm.objects.exists()


@pytest.mark.django_db
def test_honeypot_is_thanked_and_dropped(client):
    survei = SurveiFactory()
    client.get(f"/kinerja/skm/{survei.token}/")
    response = _isi(client, survei, situs_web="http://spam.example")
    assert "Terima kasih" in response.content.decode()
    assert not ResponIkm.objects.exists()


@pytest.mark.django_db
def test_rate_limit_per_address(client, settings):
    settings.SIPD_IKM_BATAS_PER_JAM = 3
    survei = SurveiFactory()
    kode = []
    for _ in range(4):
        client.cookies.clear()
        client.get(f"/kinerja/skm/{survei.token}/")  # a new device each time, the same address
        kode.append(_isi(client, survei).status_code)
    assert kode == [200, 200, 200, 429]
    assert ResponIkm.objects.count() == 3


@pytest.mark.django_db
def test_closed_or_ended_survey_takes_no_answers(client):
    tutup = SurveiFactory(dibuka=False)
    lewat = SurveiFactory(tanggal_selesai=datetime.date.today() - datetime.timedelta(days=1),
                          tanggal_mulai=datetime.date.today() - datetime.timedelta(days=9))  # fmt: skip
    for survei, pesan in ((tutup, "sudah ditutup"), (lewat, "sudah berakhir")):
        client.get(f"/kinerja/skm/{survei.token}/")
        assert pesan in _isi(client, survei).content.decode()
    assert not ResponIkm.objects.exists()
    assert client.get("/kinerja/skm/tidak-ada/").status_code == 404


@pytest.mark.django_db
def test_at_least_one_answer(client):
    survei = SurveiFactory()
    client.get(f"/kinerja/skm/{survei.token}/")
    response = _isi(client, survei, **{f"u{i}": "" for i in range(1, 10)})
    assert response.status_code == 400 and not ResponIkm.objects.exists()
    with pytest.raises(ValidationError):
        services.kirim_jawaban(survei=survei, jawaban=[None] * 9, token_perangkat="x", alamat="1.2.3.4")


# ---------------------------------------------------------------------------------------------------------
# Pages, permissions, filling a realisasi
# ---------------------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_results_page_shows_ikm_nrr_and_sample(two_opds, login):
    survei = SurveiFactory(opd=two_opds.opd_a, populasi=100)
    respon(survei, CONTOH)
    html = login(two_opds.users.operator_a).get(f"/kinerja/ikm/{survei.pk}/").content.decode()
    assert "82,41" in html and "Baik" in html and "3,667" in html  # IKM, mutu, NRR U1
    assert "sampel minimal 80" in html
    assert login(two_opds.users.operator_b).get(f"/kinerja/ikm/{survei.pk}/").status_code == 404


@pytest.mark.django_db
def test_survey_list_query_count_is_flat(two_opds, login, django_assert_max_num_queries):
    client = login(two_opds.users.bappeda)
    for n in (2, 12):
        for _ in range(n):
            respon(SurveiFactory(opd=two_opds.opd_a), [[4] * 9])
        # session, user, roles, surveys, results grouped per survey, pemda profile, unread notifications,
        # session save (+ savepoints): the same with 2 or 14 surveys
        with django_assert_max_num_queries(10):
            assert client.get("/kinerja/ikm/").status_code == 200


@pytest.mark.django_db
def test_operator_defines_a_survey_for_own_opd_only(two_opds, login):
    client = login(two_opds.users.operator_a)
    data = {"opd": two_opds.opd_a.pk, "unit_layanan": "Puskesmas Cempaka", "tahun": "2025", "periode": "tw2",
            "tanggal_mulai": "2025-04-01", "tanggal_selesai": "2025-06-30", "populasi": "1200",
            "dibuka": "on"}  # fmt: skip
    response = client.post("/kinerja/ikm/tambah/", data)
    assert response.status_code == 302
    survei = two_opds.opd_a.survei_ikm.get()
    assert survei.populasi == 1200 and len(survei.token) >= 16
    response = client.post("/kinerja/ikm/tambah/", {**data, "opd": two_opds.opd_b.pk, "unit_layanan": "X"})
    assert response.status_code == 200 and not two_opds.opd_b.survei_ikm.exists()


@pytest.mark.django_db
def test_ikm_fills_the_indicator_realisasi_through_the_realisasi_service(two_opds):
    indikator = IndikatorFactory(opd=two_opds.opd_a, nama="Indeks Kepuasan Masyarakat", satuan="indeks")
    survei = SurveiFactory(opd=two_opds.opd_a, indikator=indikator, tahun=2025, periode="s1")
    respon(survei, CONTOH)
    JadwalFactory(tahun=2025, triwulan=2)
    r = services.isi_realisasi(user=two_opds.users.operator_a, survei=survei, asal="")
    r.refresh_from_db()
    assert (r.tahun, r.triwulan, str(r.nilai)) == (2025, 2, "82.4100")
    assert r.diubah_oleh == two_opds.users.operator_a
    # compare-and-set: a value changed meanwhile is not overwritten
    Realisasi.objects.filter(pk=r.pk).update(nilai=80)
    with pytest.raises(Konflik):
        services.isi_realisasi(user=two_opds.users.operator_a, survei=survei, asal="82,41")
    # Bappeda may not write an OPD's realisasi: the realisasi rules hold
    with pytest.raises(Exception) as exc:
        services.isi_realisasi(user=two_opds.users.bappeda, survei=survei, asal="80")
    assert type(exc.value).__name__ == "PermissionDenied"


@pytest.mark.django_db
def test_locked_triwulan_is_not_filled(two_opds, login):
    indikator = IndikatorFactory(opd=two_opds.opd_a)
    survei = SurveiFactory(opd=two_opds.opd_a, indikator=indikator, tahun=2025, periode="tw1")
    respon(survei, [[4] * 9])
    JadwalFactory(tahun=2025, triwulan=1, terkunci=True)
    RealisasiFactory(indikator=indikator, tahun=2025, triwulan=1, nilai=70)
    client = login(two_opds.users.operator_a)
    response = client.post(f"/kinerja/ikm/{survei.pk}/isi-realisasi/", {"asal": "70"}, follow=True)
    assert "dikunci" in response.content.decode()
    assert Realisasi.objects.get().nilai == 70


@pytest.mark.django_db
def test_report_jobs_for_other_opd_survey_are_refused(two_opds, login):
    survei = SurveiFactory(opd=two_opds.opd_a)
    assert (
        login(two_opds.users.operator_b)
        .post(f"/kinerja/ikm/{survei.pk}/laporan/", {"format": "pdf"})
        .status_code
        == 404
    )


@pytest.mark.django_db
def test_api_result_and_calculator(two_opds, login):
    survei = SurveiFactory(opd=two_opds.opd_a, populasi=50)
    respon(survei, CONTOH)
    client = login(two_opds.users.kepala_a)
    data = client.get(f"/api/v1/survei-ikm/{survei.pk}/hasil/").json()
    assert data["hasil"]["mutu"] == "B" and data["sampel_minimal"] == 44
    assert round(data["hasil"]["ikm"], 4) == 82.4074
    assert data["hasil"]["nrr"][2] == 3.5
    hitung = client.post(
        "/api/v1/ikm/hitung/", {"jawaban": [[3] * 9]}, content_type="application/json"
    ).json()
    assert hitung["ikm"] == 75 and hitung["mutu"] == "C"
    bad = client.post("/api/v1/ikm/hitung/", {"jawaban": [[5] * 9]}, content_type="application/json")
    assert bad.status_code == 400
    assert login(two_opds.users.operator_b).get(f"/api/v1/survei-ikm/{survei.pk}/hasil/").status_code == 404


@pytest.mark.django_db
def test_skm_reports_pdf_and_excel(two_opds):
    from io import BytesIO

    from openpyxl import load_workbook

    from sipd import laporan as jobs

    survei = SurveiFactory(opd=two_opds.opd_a, populasi=100)
    respon(survei, CONTOH, saran='=HYPERLINK("x")')
    pdf = jobs.buat_langsung("skm", {"survei": survei.pk}, "pdf")
    assert pdf.startswith(b"%PDF") and jobs.hitung_halaman(pdf) == 1
    wb = load_workbook(BytesIO(jobs.buat_langsung("skm", {"survei": survei.pk}, "xlsx")))
    olah = wb.worksheets[0]
    assert [c.value for c in olah[2]][:10] == [1, 4, 3, 4, 3, 4, 3, 4, 3, 4]
    ikm_row = next(r for r in olah.iter_rows(values_only=True) if r[0] == "IKM")
    assert round(ikm_row[1], 4) == 82.4074
    assert wb["Saran"]["B2"].value.startswith("'=")  # formula injection neutralized
    url = f"http://sipd.local/kinerja/skm/{survei.token}/"
    assert jobs.ambil("poster-skm").boleh(two_opds.users.operator_a, {"survei": survei.pk, "url": url})
    assert not jobs.ambil("poster-skm").boleh(
        two_opds.users.operator_a, {"survei": survei.pk, "url": "http://x/"}
    )
    assert not jobs.ambil("skm").boleh(two_opds.users.operator_b, {"survei": survei.pk})
    assert jobs.buat_langsung("poster-skm", {"survei": survei.pk, "url": url}, "pdf").startswith(b"%PDF")
