"""The Impor & Ekspor Matriks page: upload → preview or every error → confirm; template and export."""

import io

import openpyxl
import pytest

from kinerja.models import Indikator, PeriodeRpjmd
from tests.kinerja.test_impor import INDIKATOR, PROGRAM, RENSTRA, RPJMD, full, workbook

pytestmark = pytest.mark.django_db
URL = "/kinerja/matriks/impor/"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def periode(db):
    from tests.kinerja.factories import PeriodeFactory

    return PeriodeFactory()


def test_preview_then_confirm(two_opds, periode, login):
    client = login(two_opds.users.bappeda)
    page = client.post(URL, {"periode": periode.pk, "berkas": full()})
    html = page.content.decode()
    assert page.status_code == 200 and "Pratinjau: berkas lolos pemeriksaan" in html
    assert {r[0]: r[1:] for r in page.context["hasil"].rincian()}["Indikator"] == (3, 0, 0)
    assert not Indikator.objects.exists()
    assert "style=" not in html and "<script>" not in html

    response = client.post(URL, {"token": page.context["token"], "periode": periode.pk}, follow=True)
    assert "Impor matriks selesai: " in response.content.decode()
    assert Indikator.objects.count() == 3

    again = client.post(URL, {"periode": periode.pk, "berkas": full()})
    assert "Tidak ada perubahan" in again.content.decode()


def test_errors_listed_by_sheet_row_and_column(two_opds, periode, login):
    client = login(two_opds.users.admin)
    rpjmd = [*RPJMD, ["Visi", "3", None, "x"]]
    indikator = [*INDIKATOR, ["IKU-01", "Sasaran", "9.9", "x", "", "%", "x", "x", None, None, None]]
    response = client.post(
        URL, {"periode": periode.pk, "berkas": workbook(rpjmd, RENSTRA, PROGRAM, indikator)}
    )
    html = response.content.decode()
    galat = [(g.lembar, g.baris, g.kolom) for g in response.context["galat"]]
    assert galat[0] == ("RPJMD", 8, "tingkat") and ("Indikator", 5, "polaritas") in galat
    assert "Berkas ditolak: " in html and "<code>kode_opd</code>" in html
    assert not Indikator.objects.exists()


def test_non_xlsx_refused_by_the_form(two_opds, periode, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(two_opds.users.bappeda)
    response = client.post(URL, {"periode": periode.pk, "berkas": SimpleUploadedFile("m.csv", b"a;b\n")})
    assert response.context["form"].errors["berkas"]


def test_template_and_export_download(two_opds, periode, login):
    client = login(two_opds.users.bappeda)
    response = client.get(f"/kinerja/matriks/templat/{periode.pk}/")
    assert response["Content-Disposition"] == 'attachment; filename="templat-matriks-2025.xlsx"'
    assert openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames[0] == "RPJMD"
    pimpinan = login(two_opds.users.pimpinan)
    response = pimpinan.get(f"/kinerja/matriks/ekspor/?periode={periode.pk}&tahun=2026")
    assert openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames[-2:] == [
        "Realisasi 2026",
        "Anggaran 2026",
    ]
    assert PeriodeRpjmd.objects.count() == 1
