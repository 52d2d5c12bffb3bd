"""Entering realizations: cell saves, conflicts, evidence, windows and locks, the workflow and monitoring."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from kinerja.choices import StatusPelaporan
from kinerja.models import CatatanVerifikasi, PelaporanTriwulan, Realisasi, RiwayatPelaporan
from kinerja.services import realisasi as services
from sipd.models import Notifikasi
from tests.kinerja.factories import IndikatorFactory, JadwalFactory, SubKegiatanFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def ind(two_opds):
    return IndikatorFactory(opd=two_opds.opd_a, nama="Cakupan imunisasi dasar lengkap")


def simpan(user, indikator, nilai, asal="", kolom="nilai", tw=1):
    return services.simpan_realisasi(
        user=user, indikator=indikator, tahun=2025, triwulan=tw, kolom=kolom, nilai=nilai, asal=asal
    )


class TestSimpanSel:
    def test_indonesian_number_saved(self, two_opds, ind):
        r = simpan(two_opds.users.operator_a, ind, "1.234,5")
        assert r.nilai == Decimal("1234.5") and r.diubah_oleh == two_opds.users.operator_a

    @pytest.mark.parametrize("teks", ["1,234.5", "1.23", "12a", "1.2.3,4"])
    def test_malformed_number_refused_and_nothing_saved(self, two_opds, ind, teks):
        with pytest.raises(ValidationError, match="tidak dapat dibaca"):
            simpan(two_opds.users.operator_a, ind, teks)
        assert not Realisasi.objects.filter(nilai__isnull=False).exists()

    def test_second_writer_with_a_stale_value_gets_a_conflict_with_the_current_value(self, two_opds, ind):
        simpan(two_opds.users.operator_a, ind, "80")
        with pytest.raises(services.Konflik) as conflict:
            simpan(two_opds.users.kepala_a, ind, "75")  # loaded the page when the cell was empty
        assert conflict.value.sekarang == Decimal("80")
        assert Realisasi.objects.get().nilai == Decimal("80")
        simpan(two_opds.users.kepala_a, ind, "75", asal="80")  # re-typed after seeing the new value
        assert Realisasi.objects.get().nilai == Decimal("75")

    def test_narrative_conflict_is_per_cell(self, two_opds, ind):
        simpan(two_opds.users.operator_a, ind, "Posyandu aktif", kolom="faktor_pendorong")
        simpan(two_opds.users.kepala_a, ind, "70")  # another cell of the same row: no conflict
        with pytest.raises(services.Konflik):
            simpan(two_opds.users.kepala_a, ind, "Lain", kolom="faktor_pendorong")

    def test_other_opd_cannot_write(self, two_opds, ind):
        with pytest.raises(Http404):
            simpan(two_opds.users.operator_b, ind, "10")
        with pytest.raises(PermissionDenied):
            simpan(two_opds.users.pimpinan, ind, "10")

    def test_year_outside_the_period_refused(self, two_opds, ind):
        with pytest.raises(ValidationError, match="di luar periode"):
            services.simpan_realisasi(
                user=two_opds.users.operator_a, indikator=ind, tahun=2031, triwulan=1, kolom="nilai",
                nilai="1", asal="",
            )  # fmt: skip

    def test_budget_cell(self, two_opds):
        sub = SubKegiatanFactory(opd=two_opds.opd_a)
        baris = services.simpan_anggaran(
            user=two_opds.users.operator_a,
            nomenklatur=sub,
            tahun=2025,
            triwulan=1,
            nilai="Rp12.500.000",
            asal="",
        )
        assert baris.nilai == Decimal("12500000")
        with pytest.raises(ValidationError):
            services.simpan_anggaran(
                user=two_opds.users.operator_a, nomenklatur=sub, tahun=2025, triwulan=1, nilai="-5",
                asal="12.500.000",
            )  # fmt: skip


class TestJadwalDanKunci:
    def test_window_not_yet_open(self, two_opds, ind):
        besok = timezone.localdate() + datetime.timedelta(days=1)
        JadwalFactory(mulai=besok, selesai=besok + datetime.timedelta(days=10))
        with pytest.raises(ValidationError, match="dibuka mulai"):
            simpan(two_opds.users.operator_a, ind, "1")

    def test_locked_period_changes_only_through_a_recorded_unlock(self, two_opds, ind):
        jadwal = JadwalFactory()
        services.kunci(user=two_opds.users.bappeda, jadwal=jadwal)
        with pytest.raises(ValidationError, match="dikunci"):
            simpan(two_opds.users.operator_a, ind, "1")
        with pytest.raises(ValidationError, match="Alasan"):
            services.buka_kunci(
                user=two_opds.users.bappeda, jadwal=jadwal, opd=two_opds.opd_a, alasan=" ",
                sampai=timezone.now() + datetime.timedelta(days=1),
            )  # fmt: skip
        services.buka_kunci(
            user=two_opds.users.bappeda, jadwal=jadwal, opd=two_opds.opd_a, alasan="Koreksi data BPS",
            sampai=timezone.now() + datetime.timedelta(days=1),
        )  # fmt: skip
        assert simpan(two_opds.users.operator_a, ind, "1").nilai == 1
        ind_b = IndikatorFactory(opd=two_opds.opd_b)
        with pytest.raises(ValidationError, match="dikunci"):  # the unlock was for OPD A only
            simpan(two_opds.users.operator_b, ind_b, "1")

    def test_only_bappeda_locks(self, two_opds):
        with pytest.raises(PermissionDenied):
            services.kunci(user=two_opds.users.operator_a, jadwal=JadwalFactory())

    def test_late_is_flagged_but_still_open(self, two_opds, ind):
        JadwalFactory(mulai=datetime.date(2025, 4, 1), selesai=datetime.date(2025, 4, 20))
        status = services.status_isian(
            opd_id=two_opds.opd_a.pk, tahun=2025, triwulan=1,
            jadwal=services._jadwal(2025, 1), status=StatusPelaporan.DRAF,
        )  # fmt: skip
        assert status.boleh and status.terlambat


class TestAlur:
    def test_submit_needs_every_indicator_filled_or_explained(self, two_opds, ind):
        kedua = IndikatorFactory(opd=two_opds.opd_a, nama="Persentase balita ditimbang")
        simpan(two_opds.users.operator_a, ind, "90")
        with pytest.raises(ValidationError, match="Persentase balita ditimbang"):
            services.ajukan(user=two_opds.users.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        simpan(two_opds.users.operator_a, kedua, "Data survei belum terbit", kolom="faktor_penghambat")
        pelaporan = services.ajukan(user=two_opds.users.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        assert pelaporan.status == StatusPelaporan.DIAJUKAN

    def test_operator_submits_only_when_the_setting_says(self, two_opds, ind, settings):
        simpan(two_opds.users.operator_a, ind, "90")
        with pytest.raises(PermissionDenied):
            services.ajukan(user=two_opds.users.operator_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        settings.SIPD_PENGAJUAN_OLEH = ["kepala_opd", "operator_opd"]
        services.ajukan(user=two_opds.users.operator_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)

    def test_return_verify_cycle_is_recorded(self, two_opds, ind, django_capture_on_commit_callbacks):
        u = two_opds.users
        simpan(u.operator_a, ind, "90")
        with django_capture_on_commit_callbacks(execute=True):
            p = services.ajukan(user=u.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        assert Notifikasi.objects.filter(penerima=u.bappeda).exists()
        with pytest.raises(ValidationError):
            simpan(u.operator_a, ind, "91", asal="90")  # submitted: the OPD can't change it
        with pytest.raises(ValidationError, match="sedikitnya satu"):
            services.kembalikan(user=u.bappeda, pelaporan=p, catatan={})
        with pytest.raises(PermissionDenied):
            services.kembalikan(user=u.kepala_a, pelaporan=p, catatan={ind.pk: "x"})
        services.kembalikan(user=u.bappeda, pelaporan=p, catatan={ind.pk: "Lampirkan laporan imunisasi."})
        assert CatatanVerifikasi.objects.get().catatan == "Lampirkan laporan imunisasi."
        simpan(u.operator_a, ind, "91", asal="90")
        services.ajukan(user=u.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        assert CatatanVerifikasi.objects.get().selesai
        services.verifikasi(user=u.bappeda, pelaporan=p)
        p.refresh_from_db()
        assert p.status == StatusPelaporan.DIVERIFIKASI and p.diverifikasi_oleh == u.bappeda
        assert list(RiwayatPelaporan.objects.values_list("dari", "ke", "oleh__username")) == [
            ("draf", "diajukan", "kepala_a"),
            ("diajukan", "dikembalikan", "bappeda1"),
            ("dikembalikan", "diajukan", "kepala_a"),
            ("diajukan", "diverifikasi", "bappeda1"),
        ]

    def test_comment_on_another_opds_indicator_refused(self, two_opds, ind):
        simpan(two_opds.users.operator_a, ind, "90")
        p = services.ajukan(user=two_opds.users.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        lain = IndikatorFactory(opd=two_opds.opd_b)
        with pytest.raises(ValidationError, match="di luar OPD"):
            services.kembalikan(user=two_opds.users.bappeda, pelaporan=p, catatan={lain.pk: "x"})


class TestBukti:
    def test_pdf_accepted_and_downloaded_by_its_opd_only(self, two_opds, ind, client):
        berkas = SimpleUploadedFile("../../etc/laporan imunisasi.pdf", PDF, content_type="text/plain")
        bukti = services.unggah_bukti(
            user=two_opds.users.operator_a, indikator=ind, tahun=2025, triwulan=1, berkas=berkas
        )
        assert bukti.nama_asli == "laporan_imunisasi.pdf" and bukti.jenis_mime == "application/pdf"
        assert ".." not in bukti.berkas.name
        client.force_login(two_opds.users.operator_a)
        response = client.get(f"/kinerja/bukti/{bukti.token}/")
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
        client.force_login(two_opds.users.operator_b)
        assert client.get(f"/kinerja/bukti/{bukti.token}/").status_code == 404

    def test_type_checked_by_content_not_name(self, two_opds, ind):
        palsu = SimpleUploadedFile("bukti.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
        with pytest.raises(ValidationError, match="bukan jenis yang diterima"):
            services.unggah_bukti(
                user=two_opds.users.operator_a, indikator=ind, tahun=2025, triwulan=1, berkas=palsu
            )

    def test_size_limited(self, two_opds, ind, settings):
        settings.SIPD_UPLOAD_MAX_BYTES = 20
        besar = SimpleUploadedFile("besar.pdf", PDF * 3)
        with pytest.raises(ValidationError, match="terlalu besar"):
            services.unggah_bukti(
                user=two_opds.users.operator_a, indikator=ind, tahun=2025, triwulan=1, berkas=besar
            )


class TestHalaman:
    def post_sel(self, client, ind, nilai, asal=""):
        return client.post(
            "/kinerja/realisasi/sel/",
            {
                "indikator": ind.pk,
                "tahun": 2025,
                "triwulan": 1,
                "kolom": "nilai",
                "nilai": nilai,
                "asal": asal,
            },
        )

    def test_cell_save_error_and_conflict_come_back_in_place(self, two_opds, ind, client):
        client.force_login(two_opds.users.operator_a)
        ok = self.post_sel(client, ind, "87,5")
        assert ok.status_code == 200 and b"is-valid" in ok.content and b'value="87,5"' in ok.content
        bad = self.post_sel(client, ind, "87.5", asal="87,5")
        assert bad.status_code == 422 and "tidak dapat dibaca" in bad.content.decode()
        stale = self.post_sel(client, ind, "90", asal="")
        assert stale.status_code == 409 and "<strong>87,5</strong>" in stale.content.decode()
        assert Realisasi.objects.get().nilai == Decimal("87.5")

    def test_large_ids_and_years_are_not_written_with_thousand_separators(self, two_opds, client):
        ind = IndikatorFactory(id=12345, opd=two_opds.opd_a)
        client.force_login(two_opds.users.operator_a)
        html = client.get(f"/kinerja/realisasi/{two_opds.opd_a.pk}/2025/1/").content.decode()
        assert '"indikator": "12345", "tahun": "2025"' in html and 'name="catatan-12345"' not in html
        assert 'value="2025" selected' in html and "Tahun 2025" in html
        assert self.post_sel(client, ind, "5").status_code == 200

    def test_other_opd_cannot_post_a_cell(self, two_opds, ind, client):
        client.force_login(two_opds.users.operator_b)
        assert self.post_sel(client, ind, "1").status_code == 404

    def test_grid_shows_values_targets_and_comments(self, two_opds, ind, client):
        simpan(two_opds.users.operator_a, ind, "1.234,5")
        client.force_login(two_opds.users.operator_a)
        html = client.get(f"/kinerja/realisasi/{two_opds.opd_a.pk}/2025/2/").content.decode()
        assert "Cakupan imunisasi dasar lengkap" in html and "1.234,5" in html  # TW I shown in TW II's grid
        assert 'name="nilai"' in html

    def test_closed_rows_load_their_narrative_and_evidence_when_opened(self, two_opds, ind, client):
        simpan(two_opds.users.operator_a, ind, "Posyandu aktif", kolom="faktor_pendorong")
        client.force_login(two_opds.users.operator_a)
        url = f"/kinerja/realisasi/{two_opds.opd_a.pk}/2025/1/"
        html = client.get(url).content.decode()
        rinci = f"{url}rinci/{ind.pk}/"
        assert f'hx-get="{rinci}"' in html and "Posyandu aktif" not in html
        bagian = client.get(rinci).content.decode()
        assert "Posyandu aktif" in bagian and f'id="isi-{ind.pk}-faktor_pendorong"' in bagian
        assert f'id="bukti-{ind.pk}"' in bagian and 'name="berkas"' in bagian
        client.force_login(two_opds.users.operator_b)
        assert client.get(rinci).status_code == 404
        lain = IndikatorFactory(opd=two_opds.opd_b)
        client.force_login(two_opds.users.operator_a)
        assert client.get(f"{url}rinci/{lain.pk}/").status_code == 404  # not an indicator of this OPD

    def test_grid_query_count_is_flat(self, two_opds, client, django_assert_max_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.force_login(two_opds.users.operator_a)
        url = f"/kinerja/realisasi/{two_opds.opd_a.pk}/2025/2/"

        def queries():
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            return len(ctx)

        for _ in range(20):
            r = IndikatorFactory(opd=two_opds.opd_a, nomenklatur=SubKegiatanFactory(opd=two_opds.opd_a))
            Realisasi.objects.create(indikator=r, tahun=2025, triwulan=2, nilai=1)
        queries()  # the first visit creates the report row
        # session, user, roles, opd, periode, pelaporan, jadwal+unlocks, indicators, targets, realizations,
        # evidence, comments, budget realizations, pagu, history, pemda, unread count, session save
        kecil = queries()
        for _ in range(40):
            r = IndikatorFactory(opd=two_opds.opd_a, nomenklatur=SubKegiatanFactory(opd=two_opds.opd_a))
            Realisasi.objects.create(indikator=r, tahun=2025, triwulan=2, nilai=1)
        assert queries() == kecil
        assert kecil <= 25

    def test_review_and_return_from_the_page(self, two_opds, ind, client):
        simpan(two_opds.users.operator_a, ind, "90")
        p = services.ajukan(user=two_opds.users.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        client.force_login(two_opds.users.bappeda)
        assert f'name="catatan-{ind.pk}"' in client.get(f"/kinerja/pelaporan/{p.pk}/").content.decode()
        response = client.post(
            f"/kinerja/pelaporan/{p.pk}/putuskan/",
            {"keputusan": "kembalikan", f"catatan-{ind.pk}": "Cek ulang"},
        )
        assert response.status_code == 302
        assert PelaporanTriwulan.objects.get().status == StatusPelaporan.DIKEMBALIKAN
        client.force_login(two_opds.users.operator_a)
        html = client.get(f"/kinerja/realisasi/{two_opds.opd_a.pk}/2025/1/").content.decode()
        assert "Cek ulang" in html

    def test_operator_cannot_decide(self, two_opds, ind, client):
        simpan(two_opds.users.operator_a, ind, "90")
        p = services.ajukan(user=two_opds.users.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        client.force_login(two_opds.users.operator_a)
        assert (
            client.post(f"/kinerja/pelaporan/{p.pk}/putuskan/", {"keputusan": "verifikasi"}).status_code
            == 403
        )

    def test_monitoring_lists_late_opds(self, two_opds, ind, client):
        IndikatorFactory(opd=two_opds.opd_b)
        JadwalFactory(mulai=datetime.date(2025, 4, 1), selesai=datetime.date(2025, 4, 20))
        simpan(two_opds.users.operator_a, ind, "90")
        services.ajukan(user=two_opds.users.kepala_a, opd=two_opds.opd_a, tahun=2025, triwulan=1)
        client.force_login(two_opds.users.bappeda)
        response = client.get("/kinerja/pemantauan/?tahun=2025&triwulan=1")
        rows = {r.opd.pk: r for r in response.context["rows"]}
        assert rows[two_opds.opd_a.pk].terisi == 1 and not rows[two_opds.opd_a.pk].terlambat
        assert rows[two_opds.opd_b.pk].terlambat and response.context["terlambat"] == 1
