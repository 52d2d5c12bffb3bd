"""Uploaded files checked by content (magic bytes), not by name; size limited by UPLOAD_MAX_MB."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from sipd.formatting import format_angka

# kind → (content type, extension, test on the first bytes)
JENIS_BERKAS = {
    "jpeg": ("image/jpeg", "jpg", lambda b: b.startswith(b"\xff\xd8\xff")),
    "png": ("image/png", "png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
    "webp": ("image/webp", "webp", lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP"),
    "pdf": ("application/pdf", "pdf", lambda b: b.startswith(b"%PDF-")),
}
FOTO = ("jpeg", "png", "webp")
DOKUMEN = ("jpeg", "png", "pdf")


def jenis_berkas(berkas) -> str | None:
    """The kind of an uploaded file by its first bytes, or None."""
    berkas.seek(0)
    kepala = berkas.read(16)
    berkas.seek(0)
    return next((jenis for jenis, (_ct, _ext, cocok) in JENIS_BERKAS.items() if cocok(kepala)), None)


def periksa_unggahan(berkas, *, boleh: tuple[str, ...], max_bytes: int | None = None) -> str:
    """Refuse a file above the size limit or whose content is not one of `boleh`; return its kind."""
    batas = max_bytes or settings.SIPD_UPLOAD_MAX_BYTES
    if berkas.size > batas:
        mb = format_angka(batas / 1024 / 1024, 0)
        raise ValidationError(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": mb}, code="ukuran")
    jenis = jenis_berkas(berkas)
    if jenis not in boleh:
        nama = ", ".join(JENIS_BERKAS[j][1].upper() for j in boleh)
        raise ValidationError(
            _("Isi berkas bukan %(jenis)s yang sah.") % {"jenis": nama}, code="jenis_berkas"
        )
    if jenis in FOTO:
        _periksa_gambar(berkas)
    return jenis


def _periksa_gambar(berkas) -> None:
    """The whole image must decode: a JPEG header on other content is refused."""
    from PIL import Image, UnidentifiedImageError

    try:
        berkas.seek(0)
        with Image.open(berkas) as img:
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("Gambar rusak atau tidak dapat dibaca."), code="gambar_rusak") from None
    finally:
        berkas.seek(0)


def nama_aman(jenis: str) -> str:
    """A neutral file name with the extension of the detected kind (upload_to makes it unique)."""
    return f"berkas.{JENIS_BERKAS[jenis][1]}"


def unduh(berkas, *, nama: str | None = None, lampiran: bool = False) -> FileResponse:
    """Serve a stored file after the caller checked access; the type follows the stored extension."""
    ext = berkas.name.rsplit(".", 1)[-1].lower()
    tipe = next((ct for ct, e, _c in JENIS_BERKAS.values() if e == ext), "application/octet-stream")
    try:
        handle = berkas.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, content_type=tipe, as_attachment=lampiran or tipe == "application/octet-stream",
        filename=nama or berkas.name.rsplit("/", 1)[-1],
    )  # fmt: skip
    response["Cache-Control"] = "private, max-age=0"
    return response
