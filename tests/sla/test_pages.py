"""Pages of the sla app: forms through to the services, the other OPD refused, query counts flat."""

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sla import services
from sla.models import Lampiran, Layanan, LiburDaerah, Permohonan, Sla
from tests.sla.conftest import PDF, PNG, wib
from tests.sla.factories import LayananFactory, SlaFactory

pytestmark = pytest.mark.django_db


def test_provider_creates_an_sla_through_the_form(two_opds, klien):
    layanan = LayananFactory(penyedia=two_opds.opd_a, nama="Pemeriksaan kesehatan")
    client = klien(two_opds.users.operator_a)
    form = client.get("/sla/tambah/").content.decode()
    assert "Pemeriksaan kesehatan" in form
    data = {
        "layanan": layanan.pk, "penerima": [two_opds.opd_b.pk],
        "persyaratan": "Surat pengantar\n- Daftar nama\n", "standar_waktu": 16, "satuan_waktu": "jam_kerja",
        "keluaran": "Surat keterangan sehat",
        "ukuran_mutu": "Hasil lengkap", "kontak_eskalasi": "Sekretaris | Sekretaris Dinas | 0267-100",
        "berlaku_mulai": "2026-01-01",
    }  # fmt: skip
    response = client.post("/sla/tambah/", data)
    sla = Sla.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/sla/{sla.pk}/"
    assert sla.persyaratan == ["Surat pengantar", "Daftar nama"]
    assert sla.kontak_eskalasi == [
        {"nama": "Sekretaris", "jabatan": "Sekretaris Dinas", "kontak": "0267-100"}
    ]
    bad = client.post("/sla/tambah/", {**data, "kontak_eskalasi": "hanya nama", "penerima": []})
    assert bad.status_code == 200
    assert (
        "Nama | Jabatan" in bad.content.decode() and "Pilih perangkat daerah penerima" in bad.content.decode()
    )

    client.post(f"/sla/{sla.pk}/ajukan/")
    sla.refresh_from_db()
    assert sla.status == "diajukan"
    assert client.get(f"/sla/{sla.pk}/ubah/").status_code == 302  # fixed once submitted
    page = klien(two_opds.users.kepala_b).get(f"/sla/{sla.pk}/").content.decode()
    assert "Setujui dan tandatangani" in page
    klien(two_opds.users.kepala_b).post(f"/sla/{sla.pk}/tandatangan/")
    assert sla.tanda_tangan.count() == 1


def test_operator_of_another_opd_cannot_edit_a_providers_catalogue(two_opds, klien):
    layanan = LayananFactory(penyedia=two_opds.opd_a)
    assert klien(two_opds.users.operator_b).get(f"/sla/layanan/{layanan.pk}/ubah/").status_code == 403
    response = klien(two_opds.users.operator_b).post(
        "/sla/layanan/", {"penyedia": two_opds.opd_a.pk, "nama": "Sisipan"}
    )
    assert response.status_code == 200 and not Layanan.objects.filter(nama="Sisipan").exists()
    klien(two_opds.users.operator_a).post(
        "/sla/layanan/", {"penyedia": two_opds.opd_a.pk, "nama": "Baru", "aktif": "on"}
    )
    assert Layanan.objects.filter(nama="Baru", penyedia=two_opds.opd_a).exists()


def test_request_pages_from_opening_to_completion(two_opds, sla_ab, klien):
    a = klien(two_opds.users.operator_a)
    page = a.get(f"/sla/permohonan/baru/?sla={sla_ab.pk}").content.decode()
    assert sla_ab.layanan.nama in page
    response = a.post(
        "/sla/permohonan/baru/",
        {"sla": sla_ab.pk, "pemohon": two_opds.opd_a.pk, "perihal": "Rehab Puskesmas", "uraian": "Mohon",
         "lampiran": [SimpleUploadedFile("rab.pdf", PDF), SimpleUploadedFile("foto.png", PNG)]},
    )  # fmt: skip
    p = Permohonan.objects.get()
    assert response["Location"] == f"/sla/permohonan/{p.pk}/"
    assert sorted(p.lampiran.values_list("tipe", flat=True)) == ["application/pdf", "image/png"]
    refused = a.post(
        "/sla/permohonan/baru/",
        {"sla": sla_ab.pk, "pemohon": two_opds.opd_a.pk, "perihal": "x",
         "lampiran": [SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")]},
    )  # fmt: skip
    assert refused.status_code == 200 and "bukan jenis yang diterima" in refused.content.decode()

    b = klien(two_opds.users.operator_b)
    assert "Terima, persyaratan lengkap" in b.get(f"/sla/permohonan/{p.pk}/").content.decode()
    assert "Terima, persyaratan lengkap" not in a.get(f"/sla/permohonan/{p.pk}/").content.decode()
    assert a.post(f"/sla/permohonan/{p.pk}/terima/").status_code == 403  # the requester cannot accept
    b.post(f"/sla/permohonan/{p.pk}/terima/")
    empty = b.post(f"/sla/permohonan/{p.pk}/selesaikan/", {"selesaikan-hasil": ""})
    assert empty.status_code == 400
    b.post(f"/sla/permohonan/{p.pk}/selesaikan/", {"selesaikan-hasil": "Rekomendasi terbit"})
    p.refresh_from_db()
    assert p.status == "selesai" and p.hasil == "Rekomendasi terbit"
    assert "tepat waktu" in a.get(f"/sla/permohonan/{p.pk}/").content.decode()
    assert b.post(f"/sla/permohonan/{p.pk}/tidak-ada/").status_code == 404


def test_attachment_download_is_checked(two_opds, permohonan_ca, klien, opd_c):
    from sla.services.umum import simpan_lampiran

    [lampiran] = simpan_lampiran(
        permohonan=permohonan_ca, diperiksa=[(SimpleUploadedFile("hasil lab.pdf", PDF), "pdf")], user=None,
        peristiwa=None, now=wib(2026, 3, 2, 10),
    )  # fmt: skip
    assert lampiran.berkas.name.startswith("sla/lampiran/") and "hasil" not in lampiran.berkas.name
    response = klien(two_opds.users.operator_a).get(f"/sla/lampiran/{lampiran.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert 'filename="hasil lab.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert klien(two_opds.users.operator_b).get(f"/sla/lampiran/{lampiran.pk}/").status_code == 404


def test_other_opds_request_is_not_found(two_opds, permohonan_ca, klien):
    b = klien(two_opds.users.operator_b)
    assert b.get(f"/sla/permohonan/{permohonan_ca.pk}/").status_code == 404
    assert b.post(f"/sla/permohonan/{permohonan_ca.pk}/terima/").status_code == 404
    assert str(permohonan_ca.perihal) not in b.get("/sla/permohonan/").content.decode()


def test_request_list_query_count_is_flat(two_opds, sla_ab, klien, django_assert_max_num_queries):
    client = klien(two_opds.users.operator_a)

    def buat(n):
        for i in range(n):
            services.ajukan_permohonan(
                user=two_opds.users.operator_a, sla=sla_ab, pemohon=two_opds.opd_a, perihal=f"P{i}"
            )

    buat(2)
    # session, user, roles, pemda cache miss, notifications badge, count, page rows (with SLA, layanan, OPDs)
    with django_assert_max_num_queries(12) as first:
        assert client.get("/sla/permohonan/").status_code == 200
    buat(20)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/sla/permohonan/")
    with django_assert_max_num_queries(14) as first_sla:
        client.get("/sla/")
    SlaFactory.create_batch(10, layanan=sla_ab.layanan, penerima=[two_opds.opd_a])
    with django_assert_max_num_queries(len(first_sla.captured_queries)):
        client.get("/sla/")


def test_compliance_page_and_excel(two_opds, permohonan_ab, klien, django_assert_max_num_queries):
    services.terima_permohonan(
        user=two_opds.users.operator_b, permohonan=permohonan_ab, now=wib(2026, 3, 17, 11)
    )
    services.selesaikan_permohonan(
        user=two_opds.users.operator_b, permohonan=permohonan_ab, hasil="x", now=wib(2026, 3, 26, 10)
    )
    client = klien(two_opds.users.pimpinan)
    with django_assert_max_num_queries(16):
        page = client.get("/sla/kepatuhan/?tahun=2026").content.decode()
    assert "100,00%" in page and two_opds.opd_b.nama in page
    own = klien(two_opds.users.operator_a).get("/sla/kepatuhan/?tahun=2026").content.decode()
    assert "Perangkat daerah Anda sebagai penyedia" in own and "100,00%" not in own
    xlsx = client.get("/sla/kepatuhan/unduh.xlsx?tahun=2026&triwulan=1")
    assert xlsx["Content-Disposition"] == 'attachment; filename="kepatuhan-sla-2026-tw1.xlsx"'
    assert xlsx.content[:2] == b"PK"


def test_signed_sla_document_pdf(two_opds, sla_ab, klien, tmp_path):
    waiting = klien(two_opds.users.operator_a).get(f"/sla/{sla_ab.pk}/dokumen/")
    assert waiting.status_code == 202  # not rendered yet: a worker is asked to
    assert services.simpan_dokumen_sla(sla_id=sla_ab.pk).dokumen
    response = klien(two_opds.users.operator_a).get(f"/sla/{sla_ab.pk}/dokumen/")
    body = b"".join(response.streaming_content)
    assert body[:5] == b"%PDF-"
    path = tmp_path / "sla.pdf"
    path.write_bytes(body)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert sla_ab.nomor in text and "Rekomendasi teknis bangunan" in text and "Halaman 1 dari 1" in text
    from pathlib import Path

    artifacts = Path(__file__).resolve().parents[2] / "test-artifacts" / "sla"
    artifacts.mkdir(parents=True, exist_ok=True)
    (artifacts / "sla-dokumen.pdf").write_bytes(body)


def test_calendar_page_lists_national_and_local_holidays(two_opds, klien):
    admin = klien(two_opds.users.admin)
    admin.post("/sla/kalender/", {"tanggal": "2026-07-01", "nama": "Hari Jadi Kabupaten"})
    page = admin.get("/sla/kalender/?tahun=2026").content.decode()
    assert "Hari Suci Nyepi" in page and "Hari Jadi Kabupaten" in page and "Cuti Bersama" in page
    libur = LiburDaerah.objects.get()
    assert klien(two_opds.users.operator_a).post(f"/sla/kalender/{libur.pk}/hapus/").status_code == 403
    admin.post(f"/sla/kalender/{libur.pk}/hapus/")
    assert not LiburDaerah.objects.exists()


def test_nav_entry_and_lampiran_model_is_private(two_opds, klien):
    assert "/sla/kepatuhan/" in klien(two_opds.users.operator_a).get("/").content.decode()
    assert Lampiran.aturan_akses.opd_field == ("permohonan__penyedia_id", "permohonan__pemohon_id")
