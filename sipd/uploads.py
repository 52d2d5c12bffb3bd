"""Uploaded files checked by their content, never by their name: evidence, photos, attachments.

`periksa_berkas(file, {"pdf", "gambar", "office"})` returns the detected type or raises a ValidationError in
Indonesian. Sizes are bounded by SIPD_UPLOAD_MAX_BYTES; images must decode whole; office files are zip
containers whose members are listed (never inflated) and bounded too. `unduh` serves a stored file after the
caller checked access; `unduh_terlihat` is a download view's body: the access-layer lookup, then `unduh`.
"""

from __future__ import annotations

import secrets
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.http import FileResponse, Http404
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from sipd import access
from sipd.formatting import format_angka

MAX_TERURAI = 200 * 1024 * 1024  # declared uncompressed size of an office file's members


@dataclass(frozen=True)
class Jenis:
    mime: str
    ekstensi: str
    kelompok: str


PDF = Jenis("application/pdf", "pdf", "pdf")
PNG = Jenis("image/png", "png", "gambar")
JPEG = Jenis("image/jpeg", "jpg", "gambar")
WEBP = Jenis("image/webp", "webp", "gambar")
DOCX = Jenis("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "office")
XLSX = Jenis("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "office")
PPTX = Jenis("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "office")
ODT = Jenis("application/vnd.oasis.opendocument.text", "odt", "office")
ODS = Jenis("application/vnd.oasis.opendocument.spreadsheet", "ods", "office")
OLE = Jenis("application/x-ole-storage", "doc", "office")  # legacy .doc/.xls/.ppt

_OOXML = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
_ODF = {j.mime.encode(): j for j in (ODT, ODS)}

NAMA_KELOMPOK = {"pdf": "PDF", "gambar": "PNG/JPEG/WebP", "office": "Word/Excel/PowerPoint/ODF"}
FOTO = frozenset({"gambar"})
DOKUMEN = frozenset({"gambar", "pdf"})
SEMUA_JENIS = (PDF, PNG, JPEG, WEBP, DOCX, XLSX, PPTX, ODT, ODS, OLE)


def _zip_office(file) -> Jenis | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as arsip:
            infos = arsip.infolist()
            if len(infos) > 5000 or sum(i.file_size for i in infos) > MAX_TERURAI:
                return None
            names = [i.filename for i in infos]
            if "mimetype" in names:
                return _ODF.get(arsip.read("mimetype")[:80].strip())
            if "[Content_Types].xml" in names:
                for prefix, jenis in _OOXML.items():
                    if any(n.startswith(prefix) for n in names):
                        return jenis
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def kenali(file) -> Jenis | None:
    """The type of `file` from its first bytes (and, for zip containers, its member names)."""
    file.seek(0)
    head = file.read(64)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"PK\x03\x04"):
        jenis = _zip_office(file)
        file.seek(0)
        return jenis
    return None


def periksa_berkas(file, kelompok: frozenset[str] | set[str], *, maks: int | None = None) -> Jenis:
    """Refuse a file that is too big or whose content is not one of the allowed groups."""
    _periksa_ukuran(file, maks or settings.SIPD_UPLOAD_MAX_BYTES)
    jenis = kenali(file)
    if jenis is None or jenis.kelompok not in kelompok:
        raise ValidationError(
            _("Isi berkas %(nama)s bukan jenis yang diterima (%(jenis)s)."),
            params={"nama": file.name, "jenis": ", ".join(NAMA_KELOMPOK[k] for k in sorted(kelompok))},
            code="jenis",
        )
    if jenis.kelompok == "gambar":
        _periksa_gambar(file)
    return jenis


def _periksa_ukuran(file, maks: int) -> None:
    if file.size > maks:
        raise ValidationError(
            _("Berkas %(nama)s terlalu besar (%(ukuran)s MB); paling besar %(maks)s MB."),
            params={
                "nama": file.name,
                "ukuran": format_angka(file.size / 1024 / 1024, 1),
                "maks": format_angka(maks / 1024 / 1024, 0),
            },
            code="ukuran",
        )


def _periksa_gambar(file) -> None:
    """The whole image must decode: an image header in front of other content is refused."""
    from PIL import Image, UnidentifiedImageError

    try:
        file.seek(0)
        with Image.open(file) as img:
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("Gambar %(nama)s rusak atau tidak dapat dibaca."),
            params={"nama": file.name},
            code="gambar_rusak",
        ) from None
    finally:
        file.seek(0)


def nama_berkas(jenis: Jenis) -> str:
    """A neutral stored name with the extension of the detected type (upload_to makes it unique)."""
    return f"berkas.{jenis.ekstensi}"


def unduh(berkas, *, nama: str | None = None, lampiran: bool = False) -> FileResponse:
    """Serve a stored file; the type follows the stored extension, never the uploader's claim."""
    ext = berkas.name.rsplit(".", 1)[-1].lower()
    tipe = next((j.mime for j in SEMUA_JENIS if j.ekstensi == ext), "application/octet-stream")
    try:
        handle = berkas.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    tampil = tipe == PDF.mime or tipe.startswith("image/")  # shown in the browser; office files download
    response = FileResponse(
        handle,
        content_type=tipe,
        as_attachment=lampiran or not tampil,
        filename=nama or berkas.name.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "private, max-age=0"
    return response


def unduh_terlihat(
    request, queryset, *, nama: Callable[[object], str] | None = None, lampiran: bool = False, **lookup
) -> FileResponse:
    """Serve the `berkas` of the object `lookup` finds among those the user may see (another OPD's is a 404).

    `nama(obj)` gives the download name (default: the stored name); `lampiran` forces a download.
    """
    obj = access.get_visible_or_404(queryset, request.user, **lookup)
    return unduh(obj.berkas, nama=nama(obj) if nama else None, lampiran=lampiran)


def nama_aman(nama: str) -> str:
    """A display name without directories or odd characters (path traversal cannot survive it)."""
    base = PurePath(nama.replace("\\", "/").replace("\x00", "")).name
    try:
        return (get_valid_filename(base) or "berkas")[:150]
    except SuspiciousFileOperation:  # "..", "" or blanks: nothing usable is left
        return "berkas"


def token_berkas() -> str:
    return secrets.token_urlsafe(24)


MIME = {j.ekstensi: j.mime for j in SEMUA_JENIS}


def periksa_ekstensi(berkas, *, tipe: list[str], max_bytes: int | None = None) -> str:
    """Like periksa_berkas, for a configured list of types by extension (pdf, jpg, docx ...)."""
    _periksa_ukuran(berkas, max_bytes or settings.SIPD_UPLOAD_MAX_BYTES)
    jenis = kenali(berkas)
    if jenis is None or jenis.ekstensi not in tipe:
        raise ValidationError(
            _("Isi berkas %(nama)s bukan jenis yang diterima (%(jenis)s)."),
            params={"nama": berkas.name, "jenis": ", ".join(t.upper() for t in tipe)},
            code="jenis",
        )
    if jenis.kelompok == "gambar":
        _periksa_gambar(berkas)
    return jenis.ekstensi


def nama_acak(ekstensi: str) -> str:
    """A generated storage name: the uploader's file name never reaches the disk."""
    return f"{secrets.token_hex(16)}.{ekstensi}"
