"""Planning pages: the RPJMD tree, Renstra and indicator pages, forms, approval, OPD scoping, query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.models import ArahKebijakan, Misi, Pagu, PeriodeRpjmd, RevisiTarget, Strategi, Target
from kinerja.services import perencanaan as services
from tests.kinerja.factories import (
    IndikatorFactory,
    MisiFactory,
    PeriodeFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SasaranPdFactory,
    SubKegiatanFactory,
    TujuanPdFactory,
)


def _cabang(opd, periode, n: int, start: int = 0):
    """n misi, each with a tujuan, sasaran (+strategi, arah kebijakan, indicator), a sasaran PD of `opd`
    (+indicator) carrying a program (+indicator, pagu) with a kegiatan and sub kegiatan (+indicator)."""
    renstra = RenstraFactory(periode=periode, opd=opd)
    for i in range(start, start + n):
        misi = MisiFactory(periode=periode, nomor=str(i + 1))
        sasaran = SasaranFactory(tujuan__misi=misi)
        IndikatorFactory(periode=periode, opd=opd, tujuan=sasaran.tujuan)
        IndikatorFactory(periode=periode, opd=opd, sasaran=sasaran)
        strategi = Strategi.objects.create(sasaran=sasaran, nomor="1", uraian=f"Strategi {i}")
        ArahKebijakan.objects.create(strategi=strategi, nomor="1", uraian=f"Arah kebijakan {i}")
        sasaran_pd = SasaranPdFactory(tujuan=TujuanPdFactory(renstra=renstra), sasaran_rpjmd=sasaran)
        IndikatorFactory(periode=periode, opd=opd, sasaran_pd=sasaran_pd)
        sub = SubKegiatanFactory(periode=periode, opd=opd, urusan="1", bidang="02")
        program = sub.induk.induk
        program.sasaran_pd, program.nama = sasaran_pd, f"Program Uji {i}"
        program.save()
        IndikatorFactory(periode=periode, opd=opd, nomenklatur=program)
        IndikatorFactory(periode=periode, opd=opd, nomenklatur=sub)
        Pagu.objects.create(nomenklatur=program, tahun=2025, jumlah=Decimal("1250000000"))
        Pagu.objects.create(nomenklatur=sub, tahun=2025, jumlah=Decimal("250000000"))
    return renstra


def _jumlah_query(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
class TestPohonRpjmd:
    def test_tree_shows_every_level_with_targets_in_indonesian_format(self, two_opds, login):
        periode = PeriodeFactory()
        _cabang(two_opds.opd_a, periode, 1)
        Target.objects.filter(indikator__sasaran__isnull=False, tahun=2026).update(
            nilai=Decimal("1234.5"), nilai_atas=Decimal("1300")
        )
        response = login(two_opds.users.bappeda).get(f"/kinerja/rpjmd/{periode.pk}/")
        html = response.content.decode()
        for text in (periode.visi, "Misi 1", "Tujuan 1.", "Sasaran 1.1.", "Strategi 0", "Arah kebijakan 0",
                     "Sasaran PD", "Program Uji 0", "1.234,50–1.300,00", "Rp1.250.000.000",
                     "Dinkes"):  # fmt: skip
            assert text in html, text
        assert "2.025" not in html  # years are not grouped like numbers
        assert "<details" in html
        assert "Setujui RPJMD" in html

    def test_query_count_is_flat(self, two_opds, login):
        """misi, tujuan (+indikator, target), sasaran (+indikator, target), strategi, arah kebijakan,
        sasaran PD (+indikator, target), program (+indikator, target, pagu) + session, user, roles, Pemda."""
        periode = PeriodeFactory()
        _cabang(two_opds.opd_a, periode, 2)
        client = login(two_opds.users.bappeda)
        url = f"/kinerja/rpjmd/{periode.pk}/"
        sedikit = _jumlah_query(client, url)
        _cabang(two_opds.opd_a, periode, 2, start=2)
        assert _jumlah_query(client, url) == sedikit
        assert sedikit <= 30

    def test_opd_user_sees_the_plan_but_only_own_opd_rows(self, two_opds, login):
        periode = PeriodeFactory()
        _cabang(two_opds.opd_a, periode, 1)
        html = login(two_opds.users.kepala_b).get(f"/kinerja/rpjmd/{periode.pk}/").content.decode()
        assert "Misi 1" in html and "Sasaran 1.1." in html
        assert "Sasaran PD" not in html and "Program Uji 0" not in html and "Persentase capaian" not in html
        assert "Setujui RPJMD" not in html
        html = login(two_opds.users.kepala_a).get(f"/kinerja/rpjmd/{periode.pk}/").content.decode()
        assert "Sasaran PD" in html and "Persentase capaian" in html

    def test_index_goes_to_the_latest_period(self, two_opds, login):
        client = login(two_opds.users.pimpinan)
        assert "Belum ada periode RPJMD" in client.get("/kinerja/rpjmd/").content.decode()
        PeriodeFactory(tahun_awal=2020)
        baru = PeriodeFactory(tahun_awal=2025)
        assert client.get("/kinerja/rpjmd/")["Location"] == f"/kinerja/rpjmd/{baru.pk}/"

    def test_nav_entry(self, two_opds, login):
        html = login(two_opds.users.operator_a).get("/").content.decode()
        assert "Perencanaan" in html and "/kinerja/rpjmd/" in html and "/kinerja/renstra/" in html
        html = login(two_opds.users.kepegawaian).get("/").content.decode()
        assert "/kinerja/rpjmd/" in html and "/kinerja/renstra/" not in html


@pytest.mark.django_db
class TestRenstra:
    def test_page_and_flat_query_count(self, two_opds, login):
        """tujuan PD (+indikator, target), sasaran PD (+indikator, target), nomenklatur, their indicators
        (+target), pagu, renstra."""
        periode = PeriodeFactory()
        renstra = _cabang(two_opds.opd_a, periode, 2)
        client = login(two_opds.users.operator_a)
        url = f"/kinerja/renstra/{renstra.pk}/"
        html = client.get(url).content.decode()
        for text in ("Renstra Dinas Kesehatan", "Tujuan PD", "Sasaran PD", "Mendukung sasaran RPJMD",
                     "Sub Kegiatan", "1.02.", "Rp1.250.000.000", "Rp2.500.000.000", "80,00"):  # fmt: skip
            assert text in html, text
        assert "Setujui Renstra" not in html  # the operator does not approve
        sedikit = _jumlah_query(client, url)
        _cabang(two_opds.opd_a, periode, 2, start=2)
        assert _jumlah_query(client, url) == sedikit
        assert sedikit <= 25

    def test_other_opd_gets_404(self, two_opds, login):
        renstra = RenstraFactory(periode=PeriodeFactory(), opd=two_opds.opd_a)
        assert login(two_opds.users.operator_b).get(f"/kinerja/renstra/{renstra.pk}/").status_code == 404
        assert login(two_opds.users.kepala_b).get(f"/kinerja/renstra/{renstra.pk}/").status_code == 404

    def test_list_sends_opd_user_to_own_renstra(self, two_opds, login):
        periode = PeriodeFactory()
        a = RenstraFactory(periode=periode, opd=two_opds.opd_a)
        RenstraFactory(periode=periode, opd=two_opds.opd_b)
        assert (
            login(two_opds.users.kepala_a).get("/kinerja/renstra/")["Location"] == f"/kinerja/renstra/{a.pk}/"
        )
        html = login(two_opds.users.pimpinan).get("/kinerja/renstra/").content.decode()
        assert two_opds.opd_a.nama in html and two_opds.opd_b.nama in html

    def test_programs_without_a_sasaran_are_listed_apart(self, two_opds, login):
        periode = PeriodeFactory()
        renstra = RenstraFactory(periode=periode, opd=two_opds.opd_a)
        ProgramFactory(periode=periode, opd=two_opds.opd_a, nama="Program Penunjang Urusan", urusan="X",
                       bidang="XX", program="01", kode="X.XX.01")  # fmt: skip
        html = login(two_opds.users.bappeda).get(f"/kinerja/renstra/{renstra.pk}/").content.decode()
        assert "belum terhubung ke sasaran PD" in html and "X.XX.01" in html


@pytest.mark.django_db
class TestIndikatorPage:
    def test_all_fields_targets_and_revision_history(self, two_opds, login):
        indikator = IndikatorFactory(opd=two_opds.opd_a, definisi_operasional="Jumlah A dibagi B × 100")
        Target.objects.filter(indikator=indikator, tahun=2025).update(tw1=Decimal("20"), tw4=Decimal("80"))
        services.setujui_rpjmd(user=two_opds.users.bappeda, periode=indikator.periode)
        services.setujui_renstra(user=two_opds.users.bappeda, renstra=services.renstra_butir(indikator))
        target = Target.objects.get(indikator=indikator, tahun=2026)
        services.ubah_target(user=two_opds.users.bappeda, target=target, nilai=Decimal("83.5"),
                             jenis="perubahan_renstra", alasan="Evaluasi paruh waktu")  # fmt: skip
        html = login(two_opds.users.bappeda).get(f"/kinerja/indikator/{indikator.pk}/").content.decode()
        for text in (indikator.nama, "Jumlah A dibagi B × 100", "Positif (makin tinggi makin baik)",
                     "Nilai akhir", "70,00 (2024)", "90,00", "20,00", "83,50", "82,00", "Perubahan Renstra",
                     "Evaluasi paruh waktu",
                     two_opds.users.bappeda.get_full_name(), f"/riwayat/kinerja/indikator/{indikator.pk}/",
                     f"/riwayat/kinerja/target/{target.pk}/", "Disetujui"):  # fmt: skip
            assert text in html, text

    def test_opd_scoping(self, two_opds, login):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        html = login(two_opds.users.operator_a).get(f"/kinerja/indikator/{indikator.pk}/").content.decode()
        assert indikator.nama in html
        assert "/riwayat/" not in html and "/target/2025/" not in html  # no history link, no edit
        assert login(two_opds.users.operator_b).get(f"/kinerja/indikator/{indikator.pk}/").status_code == 404


@pytest.mark.django_db
class TestForms:
    def test_bappeda_adds_a_misi(self, two_opds, login):
        periode = PeriodeFactory()
        response = login(two_opds.users.bappeda).post(
            f"/kinerja/butir/misi/tambah/{periode.pk}/",
            {"nomor": "1", "uraian": "Misi pertama", "urutan": "0"},
        )
        assert response.status_code == 302
        assert Misi.objects.get().uraian == "Misi pertama"

    def test_new_period(self, two_opds, login):
        response = login(two_opds.users.bappeda).post(
            "/kinerja/rpjmd/tambah/", {"nama": "RPJMD 2025–2029", "tahun_awal": "2025", "visi": "Maju"}
        )
        periode = PeriodeRpjmd.objects.get()
        assert response["Location"] == f"/kinerja/rpjmd/{periode.pk}/"
        assert periode.tahun_akhir == 2029

    def test_nomenclature_form_shows_the_version_message(self, two_opds, login):
        renstra = RenstraFactory(periode=PeriodeFactory(), opd=two_opds.opd_a)
        client = login(two_opds.users.bappeda)
        url = f"/kinerja/renstra/{renstra.pk}/nomenklatur/tambah/"
        response = client.post(url, {"kode": "1.02.02", "versi": "900.1.15.5-1317/2023", "nama": "Program",
                                     "pagu_2025": "1.500.000.000"})  # fmt: skip
        assert response.status_code == 302
        client.post(url, {"kode": "1.02.02.2.01", "versi": "900.1.15.5-1317/2023", "nama": "Kegiatan"})
        response = client.post(
            url, {"kode": "1.02.02.2.01.01", "versi": "900.1.15.5-1317/2023", "nama": "Sub"}
        )
        assert response.status_code == 200
        assert "memakai kode sub kegiatan 4 angka" in response.content.decode()
        response = client.post(url, {"kode": "1.02.02.2.01.0001", "versi": "900.1.15.5-1317/2023",
                                     "nama": "Sub", "pagu_2025": "1,500,000"})  # fmt: skip
        assert "Gunakan format Indonesia" in response.content.decode()
        assert Pagu.objects.get().jumlah == Decimal("1500000000")

    def test_target_form_with_htmx_after_approval(self, two_opds, login):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        services.setujui_rpjmd(user=two_opds.users.bappeda, periode=indikator.periode)
        services.setujui_renstra(user=two_opds.users.bappeda, renstra=services.renstra_butir(indikator))
        client = login(two_opds.users.bappeda)
        url = f"/kinerja/indikator/{indikator.pk}/target/2027/"
        form = client.get(url, headers={"HX-Request": "true"})
        assert form.status_code == 200 and 'name="alasan"' in form.content.decode()
        assert "<html" not in form.content.decode()  # a partial for the page
        response = client.post(url, {"nilai": "85,5"}, headers={"HX-Request": "true"})
        assert response.status_code == 422
        assert "tuliskan alasan perubahan target" in response.content.decode()
        response = client.post(
            url, {"nilai": "85,5", "jenis": "perubahan_renstra", "alasan": "Perubahan Renstra 2027"},
            headers={"HX-Request": "true"},
        )  # fmt: skip
        assert response.status_code == 204
        assert response["HX-Redirect"] == f"/kinerja/indikator/{indikator.pk}/"
        assert RevisiTarget.objects.get().nilai_baru == Decimal("85.5")

    def test_target_refused_to_operator_and_other_opd(self, two_opds, login):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        url = f"/kinerja/indikator/{indikator.pk}/target/2025/"
        assert login(two_opds.users.operator_a).post(url, {"nilai": "1"}).status_code == 403
        assert login(two_opds.users.kepala_b).post(url, {"nilai": "1"}).status_code == 404
        assert login(two_opds.users.kepala_a).post(url, {"nilai": "79"}).status_code == 302
        assert Target.objects.get(indikator=indikator, tahun=2025).nilai == Decimal("79")

    def test_new_indicator_with_targets(self, two_opds, login):
        sasaran_pd = SasaranPdFactory(
            tujuan__renstra=RenstraFactory(periode=PeriodeFactory(), opd=two_opds.opd_a)
        )
        data = {"kode": "DINKES-01", "nama": "Persentase balita gizi baik", "satuan": "%",
                "polaritas": "positif", "sifat": "nilai_akhir", "kondisi_awal_tahun": "2024",
                "kondisi_awal": "80,5",
                "target_akhir": "90", "target_2025": "82", "target_2026": "84", "target_2026_atas": "86",
                "urutan": "0"}  # fmt: skip
        response = login(two_opds.users.bappeda).post(
            f"/kinerja/indikator/tambah/sasaran_pd/{sasaran_pd.pk}/", data
        )
        indikator = sasaran_pd.indikator.get()
        assert response["Location"] == f"/kinerja/indikator/{indikator.pk}/"
        assert (indikator.opd, indikator.kondisi_awal) == (two_opds.opd_a, Decimal("80.5"))
        assert list(indikator.target.values_list("tahun", "nilai", "nilai_atas")) == [
            (2025, 82, None), (2026, 84, 86),
        ]  # fmt: skip

    def test_approval_buttons(self, two_opds, login):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        periode = indikator.periode
        assert login(two_opds.users.kepala_a).post(f"/kinerja/rpjmd/{periode.pk}/setujui/").status_code == 403
        response = login(two_opds.users.bappeda).post(f"/kinerja/rpjmd/{periode.pk}/setujui/", follow=True)
        assert "RPJMD disetujui" in response.content.decode()
        renstra = services.renstra_butir(indikator)
        assert (
            login(two_opds.users.operator_b).post(f"/kinerja/renstra/{renstra.pk}/setujui/").status_code
            == 404
        )
        login(two_opds.users.bappeda).post(f"/kinerja/renstra/{renstra.pk}/setujui/")
        renstra.refresh_from_db()
        assert renstra.status == "disetujui"

    def test_delete_only_while_draft(self, two_opds, login):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        client = login(two_opds.users.bappeda)
        assert client.post(f"/kinerja/indikator/{indikator.pk}/hapus/").status_code == 302
        assert not type(indikator).objects.filter(pk=indikator.pk).exists()
        program = ProgramFactory(opd=two_opds.opd_a)
        assert (
            login(two_opds.users.operator_a).post(f"/kinerja/nomenklatur/{program.pk}/hapus/").status_code
            == 403
        )
        client = login(two_opds.users.bappeda)  # the same client, signed in again
        client.post(f"/kinerja/nomenklatur/{program.pk}/hapus/")
        assert not type(program).objects.filter(pk=program.pk).exists()
        misi = MisiFactory()
        client.post(f"/kinerja/butir/misi/{misi.pk}/hapus/")
        assert not Misi.objects.filter(pk=misi.pk).exists()
