"""The claim register through the report-job framework: unmasked only for the roles that see private data,
masked otherwise, and a cached file never reaches the wrong role; OPD roles are refused."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from opd.klaim_choices import ProgramBpjs
from sipd import laporan
from sipd.formatting import samarkan
from sipd.models import PekerjaanLaporan
from sipd.tasks import buat_laporan
from tests.opd.klaim_factories import KlaimFactory
from tests.sipd.test_laporan import pdf_teks

pytestmark = pytest.mark.django_db
Status = PekerjaanLaporan.Status


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def klaim(two_opds):
    return KlaimFactory(pegawai=two_opds.honorer_a, program=ProgramBpjs.JKK, jumlah_dibayar=None)


def _minta(client, tahun, fmt="pdf") -> PekerjaanLaporan:
    """Ask from the claim list page and run the task body in this process (on_commit doesn't fire here)."""
    response = client.post(f"/klaim/register/{tahun}/", {"format": fmt})
    assert response.status_code == 302, response.status_code
    job = PekerjaanLaporan.objects.get(pk=response["Location"].split("/")[-2])
    buat_laporan.run(job.pk)
    job.refresh_from_db()
    assert job.status == Status.SELESAI, job.pesan
    return job


def _isi(client, job) -> bytes:
    response = client.get(f"/laporan/{job.pk}/unduh/")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_register_unmasked_for_private_data_roles_masked_for_others(two_opds, klaim, login, client, settings):
    tahun = klaim.waktu_kejadian.year
    nik = two_opds.honorer_a.nik
    login(two_opds.users.kepegawaian)
    terbuka = _minta(client, tahun)
    assert terbuka.parameter == {"tahun": tahun, "data_pribadi": True}
    teks = pdf_teks(_isi(client, terbuka))
    assert two_opds.honorer_a.nama in teks and nik in teks and "Rp118.000.000" in teks
    page = client.get(f"/laporan/{terbuka.pk}/").content.decode()
    assert f'href="/klaim/?tahun={tahun}"' in page

    # Kepegawaian no longer sees private data: a new, masked file; the unmasked one is no longer theirs.
    settings.SIPD_PERAN_DATA_PRIBADI = ["admin"]
    tersamar = _minta(client, tahun)
    assert tersamar.pk != terbuka.pk and tersamar.parameter["data_pribadi"] is False
    teks = pdf_teks(_isi(client, tersamar))
    assert two_opds.honorer_a.nama in teks and samarkan(nik) in teks
    assert nik not in teks and "Rp118.000.000" not in teks and "2.000.000" not in teks
    assert client.get(f"/laporan/{terbuka.pk}/").status_code == 404
    assert client.get(f"/laporan/{terbuka.pk}/unduh/").status_code == 404
    with pytest.raises(PermissionDenied):
        laporan.minta(
            user=two_opds.users.kepegawaian,
            kode="register-klaim-bpjs",
            params={"tahun": tahun, "data_pribadi": True},
            fmt="pdf",
        )

    # The admin still gets the unmasked file, reused from the cache.
    login(two_opds.users.admin)
    response = client.post(f"/klaim/register/{tahun}/", {"format": "pdf"})
    assert response["Location"] == f"/laporan/{terbuka.pk}/"


def test_register_excel_through_the_job(two_opds, klaim, login, client, settings):
    tahun = klaim.waktu_kejadian.year
    login(two_opds.users.kepegawaian)
    job = _minta(client, tahun, "xlsx")
    assert job.nama_berkas == f"register-klaim-bpjs-{tahun}.xlsx"
    rows = list(load_workbook(io.BytesIO(_isi(client, job))).active.values)
    assert rows[1][1] == two_opds.honorer_a.nama and rows[1][2] == two_opds.honorer_a.nik
    assert rows[1][8:10] == (2_000_000, 118_000_000)

    settings.SIPD_PERAN_DATA_PRIBADI = ["admin"]
    rows = list(load_workbook(io.BytesIO(_isi(client, _minta(client, tahun, "xlsx")))).active.values)
    assert rows[1][2] == samarkan(two_opds.honorer_a.nik) and rows[1][8:10] == (None, None)


def test_register_version_follows_the_claims(two_opds, klaim):
    versi = laporan.ambil("register-klaim-bpjs").versi
    params = {"tahun": klaim.waktu_kejadian.year, "data_pribadi": True}
    awal = versi(params)
    klaim.jumlah_dibayar = 118_000_000
    klaim.save()
    assert versi(params) != awal


def test_opd_roles_are_refused_the_register_and_its_jobs(two_opds, klaim, login, client):
    tahun = klaim.waktu_kejadian.year
    login(two_opds.users.kepegawaian)
    job = _minta(client, tahun)
    for user in (two_opds.users.kepala_a, two_opds.users.operator_a, two_opds.users.operator_b):
        login(user)
        assert client.post(f"/klaim/register/{tahun}/", {"format": "pdf"}).status_code == 403
        assert client.get(f"/laporan/{job.pk}/").status_code == 404
        assert client.get(f"/laporan/{job.pk}/unduh/").status_code == 404
    assert PekerjaanLaporan.objects.count() == 1
    assert client.get(f"/klaim/register/{tahun}/").status_code == 405
