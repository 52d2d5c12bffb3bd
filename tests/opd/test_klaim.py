"""BPJS Ketenagakerjaan claims: non-ASN only, the status path, documents, warnings, masking, audit."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from opd import calculations, klaim_selectors, klaim_services
from opd.klaim_choices import JenisDokumenKlaim, ProgramBpjs, StatusKlaim
from opd.models import KlaimBpjs
from sipd.access import PermissionDenied
from tests.factories import PegawaiFactory
from tests.opd.klaim_factories import PDF, AhliWarisFactory, KlaimFactory, dokumen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _data(pegawai, **extra):
    waktu = timezone.localtime() - datetime.timedelta(days=3)
    return {
        "pegawai": pegawai.pk, "program": "jkm", "waktu_kejadian": waktu.strftime("%Y-%m-%dT%H:%M"),
        "tanggal_meninggal": waktu.date().isoformat(), "tempat_kejadian": "Rumah", "penyebab": "Sakit",
        **extra,
    }  # fmt: skip


def test_pns_and_pppk_are_refused_with_the_taspen_message(two_opds, login, client):
    pppk = PegawaiFactory(opd=two_opds.opd_a, status="pppk")
    for pegawai in (two_opds.pegawai_a, pppk):
        with pytest.raises(ValidationError, match="dijamin Taspen"):
            klaim_services.periksa_pegawai(pegawai)
        klaim = KlaimBpjs(pegawai=pegawai, program="jkm", waktu_kejadian=timezone.now(),
                          tanggal_meninggal=timezone.localdate(), upah_bpjs=0)  # fmt: skip
        with pytest.raises(ValidationError, match="PP 70/2015"):
            klaim_services._periksa_isi(klaim)
    login(two_opds.users.kepegawaian)
    response = client.get(f"/pegawai/{pppk.pk}/klaim/", follow=True)
    assert "PNS dan PPPK dijamin Taspen" in response.content.decode()
    # The form offers non-ASN staff only; a PNS posted anyway is refused.
    response = client.post("/klaim/baru/", _data(two_opds.pegawai_a))
    assert response.status_code == 200 and not KlaimBpjs.objects.exists()


def test_opd_prepares_its_own_staffs_claim_and_sees_no_private_data(two_opds, login, client):
    login(two_opds.users.operator_a)
    response = client.post("/klaim/baru/", _data(two_opds.honorer_a, upah_bpjs="9.000.000"))
    klaim = KlaimBpjs.objects.get()
    assert response.status_code == 302 and klaim.upah_bpjs == 2_000_000  # the wage field is not theirs
    AhliWarisFactory(klaim=klaim, nik="3299014507800001")
    page = client.get(f"/klaim/{klaim.pk}/").content.decode()
    assert two_opds.honorer_a.nik not in page and "3299014507800001" not in page
    assert "Rp2.000.000" not in page and "Rp42.000.000" not in page
    assert "hanya terlihat oleh pengelola kepegawaian" in page
    login(two_opds.users.operator_b)
    assert client.get(f"/klaim/{klaim.pk}/").status_code == 404
    assert client.get(f"/api/v1/pegawai/{two_opds.honorer_a.pk}/").status_code == 404
    login(two_opds.users.kepegawaian)
    page = client.get(f"/klaim/{klaim.pk}/").content.decode()
    assert two_opds.honorer_a.nik in page and "3299014507800001" in page and "Rp42.000.000" in page


def test_status_path_needs_heirs_and_documents(two_opds):
    user = two_opds.users.kepegawaian
    klaim = KlaimFactory(pegawai=two_opds.honorer_a)
    with pytest.raises(PermissionDenied):  # the OPD prepares; the personnel roles move the claim
        klaim_services.ubah_status(user=two_opds.users.kepala_a, klaim=klaim, status=StatusKlaim.DIAJUKAN)
    with pytest.raises(ValidationError, match="Ahli waris belum diisi"):
        klaim_services.ubah_status(user=user, klaim=klaim, status=StatusKlaim.DIAJUKAN)
    AhliWarisFactory(klaim=klaim)
    with pytest.raises(ValidationError, match="Dokumen belum lengkap: .*Buku nikah"):
        klaim_services.ubah_status(user=user, klaim=klaim, status=StatusKlaim.DIAJUKAN)
    wajib = calculations.dokumen_wajib("jkm", ada_pasangan=True, total=42_000_000)
    for jenis in wajib:
        dokumen(klaim, jenis)
    with pytest.raises(ValidationError, match="tidak dapat diubah menjadi"):
        klaim_services.ubah_status(user=user, klaim=klaim, status=StatusKlaim.DIBAYAR)
    klaim_services.ubah_status(user=user, klaim=klaim, status=StatusKlaim.DIAJUKAN)
    klaim_services.ubah_status(user=user, klaim=klaim, status=StatusKlaim.DIVERIFIKASI)
    with pytest.raises(ValidationError, match="Jumlah dibayar wajib"):
        klaim_services.ubah_status(user=user, klaim=klaim, status=StatusKlaim.DIBAYAR)
    klaim = klaim_services.ubah_status(user=user, klaim=klaim, status=StatusKlaim.DIBAYAR, jumlah=40_000_000)
    assert (klaim.status, klaim.jumlah_dibayar) == ("dibayar", 40_000_000)
    pesan = klaim_selectors.peringatan(klaim, lihat_nominal=True)
    assert any("berbeda dari hitungan PP 82/2019 Rp42.000.000 (selisih -Rp2.000.000)" in p for p in pesan)
    assert not any("berbeda" in p for p in klaim_selectors.peringatan(klaim, lihat_nominal=False))
    # Audited: every change is an event.
    events = apps.get_model("opd.KlaimBpjsEvent").objects.filter(pgh_obj=klaim)
    assert [e.status for e in events.order_by("pgh_id")][-4:] == [
        "disiapkan",
        "diajukan",
        "diverifikasi",
        "dibayar",
    ]


def test_refusal_needs_a_reason(two_opds):
    klaim = KlaimFactory(pegawai=two_opds.honorer_a, status=StatusKlaim.DIAJUKAN)
    with pytest.raises(ValidationError, match="Alasan"):
        klaim_services.ubah_status(user=two_opds.users.admin, klaim=klaim, status=StatusKlaim.DITOLAK)
    klaim = klaim_services.ubah_status(user=two_opds.users.admin, klaim=klaim, status=StatusKlaim.DITOLAK,
                                       alasan="Bukan kecelakaan kerja")  # fmt: skip
    assert klaim.status == "ditolak"


def test_jkk_deadlines_are_tracked(two_opds):
    kemarin_lusa = timezone.now() - datetime.timedelta(hours=60)
    klaim = KlaimFactory(pegawai=two_opds.honorer_a, program=ProgramBpjs.JKK, waktu_kejadian=kemarin_lusa)
    assert klaim_selectors.tenggat(klaim)["tahap_1"] == "terlewat"
    assert "2×24 jam" in klaim_selectors.peringatan(klaim, lihat_nominal=False)[0]
    baru = KlaimFactory(pegawai=two_opds.honorer_a, program=ProgramBpjs.JKK,
                        waktu_kejadian=timezone.now() - datetime.timedelta(hours=5))  # fmt: skip
    assert klaim_selectors.tenggat(baru)["tahap_1"] == "menunggu"
    assert "sisa 42 jam" in klaim_selectors.peringatan(baru, lihat_nominal=False)[0]
    lama = KlaimFactory(
        pegawai=two_opds.honorer_a, waktu_kejadian=timezone.now() - datetime.timedelta(days=5 * 365 + 2)
    )
    AhliWarisFactory(klaim=lama)
    assert any("kedaluwarsa sejak" in p for p in klaim_selectors.peringatan(lama, lihat_nominal=False))
    with pytest.raises(ValidationError, match="kedaluwarsa"):
        klaim_services.ubah_status(user=two_opds.users.admin, klaim=lama, status=StatusKlaim.DIAJUKAN)


def test_documents_by_content_and_permission_checked_download(two_opds, login, client):
    klaim = KlaimFactory(pegawai=two_opds.honorer_a)
    login(two_opds.users.operator_a)
    palsu = SimpleUploadedFile("ktp.pdf", b"MZ\x90\x00 executable", content_type="application/pdf")
    response = client.post(f"/klaim/{klaim.pk}/dokumen/", {"jenis": "ktp_peserta", "berkas": palsu})
    assert (
        response.status_code == 400
        and "bukan jenis yang diterima (PNG/JPEG/WebP, PDF)" in response.content.decode()
    )
    asli = SimpleUploadedFile("ktp saya.pdf", PDF, content_type="application/pdf")
    assert (
        client.post(f"/klaim/{klaim.pk}/dokumen/", {"jenis": "ktp_peserta", "berkas": asli}).status_code
        == 302
    )
    dok = klaim.dokumen.get()
    assert (
        dok.nama_asli == "ktp saya.pdf"
        and dok.berkas.name.startswith("klaim/")
        and "saya" not in dok.berkas.name
    )
    response = client.get(f"/klaim/dokumen/{dok.pk}/")
    assert response["Content-Type"] == "application/pdf" and b"".join(response.streaming_content) == PDF
    login(two_opds.users.operator_b)
    assert client.get(f"/klaim/dokumen/{dok.pk}/").status_code == 404
    with pytest.raises(Http404):
        klaim_services.unggah_dokumen(user=two_opds.users.operator_b, klaim=klaim,
                                      jenis=JenisDokumenKlaim.KK, berkas=asli)  # fmt: skip


def test_calculator_page_is_public(client):
    response = client.get("/klaim/kalkulator/?program=jkk&upah=2.000.000")
    assert response.status_code == 200 and "Rp118.000.000" in response.content.decode()
    response = client.get("/klaim/kalkulator/?program=jkk&upah=2,000,000")
    assert "tidak dapat dibaca" in response.content.decode()


def test_list_by_year_with_flat_query_count(two_opds, login, client, django_assert_max_num_queries):
    tahun = timezone.localdate().year
    KlaimFactory(pegawai=two_opds.honorer_a)
    login(two_opds.users.kepegawaian)
    with django_assert_max_num_queries(20) as sedikit:
        page = client.get(f"/klaim/?tahun={tahun}").content.decode()
    assert f'<option value="{tahun}" selected>{tahun}</option>' in page and two_opds.honorer_a.nama in page
    for _ in range(6):
        KlaimFactory(pegawai=PegawaiFactory(opd=two_opds.opd_b, non_asn=True))
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        response = client.get(f"/klaim/?tahun={tahun}")
    assert len(response.context["page"]) == 7
