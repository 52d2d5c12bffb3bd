"""The Pemda profile: saved by Admin only, validated in Indonesian, shown in every page header."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from sipd.models import Pemda
from tests.factories import UserFactory

SEKDA_NIP = "197001012000031002"


def _png(size=(32, 32), color=(0, 90, 160), noise=False) -> SimpleUploadedFile:
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, color)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def _data(**overrides):
    data = {
        "jenis": "kabupaten",
        "nama": "Sukamaju",
        "kode_wilayah": "32.15",
        "alamat": "Jl. Merdeka No. 1",
        "bupati_nama": "H. Ahmad Fauzi",
        "sekda_nama": "Dr. Hj. Rina Marlina",
        "sekda_nip": SEKDA_NIP,
    }
    return {**data, **overrides}


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db
class TestSimpanPemda:
    def test_admin_saves_the_profile_with_a_logo(self, two_opds, login, media_root):
        client = login(two_opds.users.admin)
        response = client.post("/pemda/", {**_data(), "logo": _png()})
        assert response.status_code == 302
        assert response.url == "/pemda/"

        pemda = Pemda.objects.get()
        assert (pemda.nama, pemda.kode_wilayah, pemda.sekda_nip) == ("Sukamaju", "32.15", SEKDA_NIP)
        assert pemda.nama_lengkap == "Pemerintah Kabupaten Sukamaju"
        assert pemda.logo.name.startswith("pemda/logo")
        saved = media_root / pemda.logo.name
        assert saved.is_file()
        with Image.open(saved) as image:
            assert image.size == (32, 32)

        page = client.get("/pemda/")
        assert "Profil Pemda tersimpan." in page.content.decode()
        assert f'src="/media/{pemda.logo.name}"' in page.content.decode()

    def test_second_save_updates_the_one_row(self, two_opds, login, media_root):
        client = login(two_opds.users.admin)
        client.post("/pemda/", _data())
        response = client.post("/pemda/", _data(jenis="kota", nama="Sukamakmur"))
        assert response.status_code == 302
        pemda = Pemda.objects.get()
        assert pemda.nama_lengkap == "Pemerintah Kota Sukamakmur"
        assert pemda.sebutan_kepala_daerah == "Wali Kota"

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"sekda_nip": "12345"}, "sekda_nip", "NIP harus 18 digit angka."),
            (
                {"sekda_nip": "197013012000031002"},
                "sekda_nip",
                "NIP: 8 digit pertama bukan tanggal lahir yang sah.",
            ),
            ({"kode_wilayah": "3215"}, "kode_wilayah", "Kode wilayah Kemendagri berformat 32.15."),
            ({"nama": ""}, "nama", "Bidang ini harus diisi."),
        ],
    )
    def test_invalid_input_shows_the_indonesian_error_and_saves_nothing(
        self, two_opds, login, media_root, overrides, field, message
    ):
        Pemda.objects.create(nama="Lama", kode_wilayah="32.01")
        response = login(two_opds.users.admin).post("/pemda/", _data(**overrides))
        assert response.status_code == 200
        content = response.content.decode()
        assert f'<div class="invalid-feedback d-block" id="id_{field}_galat">{message}</div>' in content
        assert 'aria-invalid="true"' in content
        pemda = Pemda.objects.get()
        assert (pemda.nama, pemda.kode_wilayah, pemda.sekda_nip) == ("Lama", "32.01", "")

    def test_first_save_with_an_invalid_nip_creates_nothing(self, two_opds, login, media_root):
        response = login(two_opds.users.admin).post("/pemda/", _data(sekda_nip="19850314201001100X"))
        assert "NIP harus 18 digit angka." in response.content.decode()
        assert not Pemda.objects.exists()

    def test_a_file_that_is_not_an_image_is_refused(self, two_opds, login, media_root):
        fake = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")
        response = login(two_opds.users.admin).post("/pemda/", {**_data(), "logo": fake})
        assert response.status_code == 200
        assert "Unggah gambar yang valid" in response.content.decode()
        assert not Pemda.objects.exists()
        assert not (media_root / "pemda").exists()

    def test_a_logo_over_2_mb_is_refused(self, two_opds, login, media_root):
        big = _png(size=(1000, 1000), noise=True)
        assert big.size > 2 * 1024 * 1024
        response = login(two_opds.users.admin).post("/pemda/", {**_data(), "logo": big})
        assert response.status_code == 200
        assert "Ukuran logo paling besar 2 MB." in response.content.decode()
        assert not Pemda.objects.exists()

    @pytest.mark.parametrize("role", ["bappeda", "pimpinan", "kepegawaian", "kepala_a", "operator_a"])
    def test_other_roles_get_403_and_nothing_changes(self, two_opds, login, media_root, role):
        Pemda.objects.create(nama="Lama", kode_wilayah="32.01")
        response = login(getattr(two_opds.users, role)).post("/pemda/", {**_data(), "logo": _png()})
        assert response.status_code == 403
        pemda = Pemda.objects.get()
        assert (pemda.nama, pemda.kode_wilayah, pemda.logo.name) == ("Lama", "32.01", "")
        assert not (media_root / "pemda").exists()


@pytest.mark.django_db
def test_saved_name_reaches_every_page_header_once_committed(
    two_opds, login, media_root, django_capture_on_commit_callbacks
):
    Pemda.objects.create(nama="Lama", kode_wilayah="32.01")
    reader = Client()
    reader.force_login(two_opds.users.operator_a)
    assert "Pemerintah Kabupaten Lama" in reader.get("/opd/").content.decode()  # now cached

    admin = login(two_opds.users.admin)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        admin.post("/pemda/", _data())
    # Until the transaction commits, the cached profile is the one every page shows.
    assert "Pemerintah Kabupaten Lama" in reader.get("/opd/").content.decode()

    for callback in callbacks:
        callback()
    content = reader.get("/opd/").content.decode()
    assert '<small class="d-block brand-sub">Pemerintah Kabupaten Sukamaju</small>' in content
    assert "<title>Perangkat Daerah · Pemerintah Kabupaten Sukamaju</title>" in content
    assert "Lama" not in content


@pytest.mark.django_db
def test_saved_name_shows_on_the_login_page(
    client, two_opds, login, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(two_opds.users.admin).post("/pemda/", _data())
    client.logout()
    assert "Pemerintah Kabupaten Sukamaju" in client.get("/akun/masuk/").content.decode()


@pytest.mark.django_db
def test_change_in_django_admin_also_refreshes_the_header(
    two_opds, media_root, django_capture_on_commit_callbacks
):
    pemda = Pemda.objects.create(nama="Lama", kode_wilayah="32.01")
    reader = Client()
    reader.force_login(two_opds.users.operator_a)
    assert "Pemerintah Kabupaten Lama" in reader.get("/opd/").content.decode()  # now cached

    staff = Client()
    staff.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/admin/sipd/pemda/{pemda.pk}/change/", _data())
    assert response.status_code == 302
    assert "Pemerintah Kabupaten Sukamaju" in reader.get("/opd/").content.decode()
