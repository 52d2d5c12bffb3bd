"""Hostile uploads: type by content (polyglots, renamed files, disguised zip bombs), size, traversal names,
through sipd.uploads and through the real evidence upload view."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.models import BuktiDukung
from sipd.uploads import MAX_TERURAI, nama_aman, periksa_berkas
from tests.kinerja.factories import IndikatorFactory, JadwalFactory, PeriodeFactory

ALL = {"pdf", "gambar", "office"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as arsip:
        for name, data in members.items():
            arsip.writestr(name, data)
    return out.getvalue()


def _file(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("laporan.pdf", b"<html><script>alert(1)</script></html>"),  # HTML named .pdf
        ("foto.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),  # SVG named .png
        ("dokumen.docx", b"MZ\x90\x00\x03" + b"\x00" * 200),  # Windows executable named .docx
        ("data.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"})),  # zip without [Content_Types].xml
        ("arsip.docx", _zip({"[Content_Types].xml": b"<Types/>", "payload.exe": b"MZ"})),  # no word/ part
        ("gif.png", b"GIF89a" + b"\x00" * 32),  # an image type not accepted
        ("kosong.pdf", b""),
        ("polyglot.jpg", b"<?php system($_GET['c']); ?>\xff\xd8\xff"),  # JPEG magic not at offset 0
    ],
)
def test_content_decides_not_the_name(name, data):
    with pytest.raises(ValidationError) as info:
        periksa_berkas(_file(name, data), ALL)
    assert info.value.code == "jenis"


def test_a_pdf_named_exe_is_a_pdf_and_gets_its_own_type():
    assert periksa_berkas(_file("virus.exe", PDF), ALL).mime == "application/pdf"


def test_a_pdf_polyglot_is_only_ever_a_pdf():
    """A PDF that also carries HTML is accepted as PDF and later served as application/pdf with nosniff."""
    jenis = periksa_berkas(_file("laporan.html", PDF + b"<html><script>alert(1)</script></html>"), ALL)
    assert jenis.mime == "application/pdf"


@pytest.mark.parametrize(
    "members",
    [
        # A zip bomb dressed as docx and as xlsx: tiny on disk, huge declared size.
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * (MAX_TERURAI + 1)},
        {"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b" " * (MAX_TERURAI + 1)},
    ],
    ids=["docx", "xlsx"],
)
def test_zip_bombs_disguised_as_office_files_are_refused_unopened(members):
    data = _zip(members)
    assert len(data) < 1024 * 1024
    with pytest.raises(ValidationError):
        periksa_berkas(_file("laporan.docx", data), ALL)


def test_too_many_members_is_refused():
    members = {"[Content_Types].xml": b"<Types/>", **{f"word/m{i}.xml": b"" for i in range(5001)}}
    with pytest.raises(ValidationError):
        periksa_berkas(_file("banyak.docx", _zip(members)), ALL)


def test_size_is_bounded_whatever_the_content(settings):
    settings.SIPD_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as info:
        periksa_berkas(_file("besar.pdf", PDF + b"0" * 2048), ALL)
    assert info.value.code == "ukuran"


@pytest.mark.parametrize(
    "name",
    ["../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "C:\\boot.ini", "....//x.pdf",
     "laporan\x00.pdf.exe", "..", "", "  ", "\u202eannexe.pdf"],
)  # fmt: skip
def test_traversal_names_become_plain_names(name):
    safe = nama_aman(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") or safe.startswith(".") and ".." not in safe
    assert len(safe) <= 150


@pytest.mark.django_db
def test_the_evidence_view_stores_under_a_generated_name_and_serves_safely(two_opds, login, settings):
    today = datetime.date.today()
    periode = PeriodeFactory(tahun_awal=today.year - 1)
    indikator = IndikatorFactory(opd=two_opds.opd_a, periode=periode, targets={today.year: Decimal("80")})
    tw = (today.month - 1) // 3 + 1
    JadwalFactory(tahun=today.year, triwulan=tw, mulai=today - datetime.timedelta(days=5),
                  selesai=today + datetime.timedelta(days=5))  # fmt: skip
    client = login(two_opds.users.operator_a)
    berkas = SimpleUploadedFile("../../../../etc/cron.d/x.pdf", PDF + b"<script>alert(1)</script>")
    response = client.post(
        "/kinerja/realisasi/bukti/",
        {"indikator": indikator.pk, "tahun": today.year, "triwulan": tw, "berkas": berkas},
    )
    assert response.status_code == 200, response.content[:500]
    bukti = BuktiDukung.objects.get()
    assert bukti.nama_asli == "x.pdf" and bukti.jenis_mime == "application/pdf"
    stored = settings.MEDIA_ROOT / bukti.berkas.name
    assert stored.resolve().is_relative_to(settings.MEDIA_ROOT.resolve())
    assert stored.name == f"{bukti.token}.pdf"  # the generated name, with the detected type's extension
    download = client.get(f"/kinerja/bukti/{bukti.token}/")
    # Never a type a browser would run: the detected PDF type, or a forced download.
    assert download["Content-Type"] in ("application/pdf", "application/octet-stream")
    if download["Content-Type"] == "application/octet-stream":
        assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    # Refused content leaves nothing behind.
    html = SimpleUploadedFile("laporan.pdf", b"<html><script>alert(1)</script></html>")
    refused = client.post(
        "/kinerja/realisasi/bukti/",
        {"indikator": indikator.pk, "tahun": today.year, "triwulan": tw, "berkas": html},
    )
    assert refused.status_code == 422
    assert BuktiDukung.objects.count() == 1
