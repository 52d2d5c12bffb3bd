"""Uploaded files: the type is read from the content (magic bytes), never from the name or the browser's word.

Files are stored under generated names; serve them through a view that checks access, not from /media/.
"""

from __future__ import annotations

import uuid

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# What `filetype` names a type, and the MIME type served for it.
MIME = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
HEAD_BYTES = 8192  # filetype reads at most this much


def periksa_berkas(berkas, *, tipe: list[str], max_bytes: int) -> str:
    """Check an uploaded file's size and type by content; return its extension or raise ValidationError."""
    if berkas.size > max_bytes:
        raise ValidationError(
            _("Berkas %(nama)s terlalu besar (maksimum %(batas)s).")
            % {"nama": berkas.name, "batas": filesizeformat(max_bytes)},
            code="terlalu_besar",
        )
    berkas.seek(0)
    kepala = berkas.read(HEAD_BYTES)
    berkas.seek(0)
    jenis = filetype.guess(kepala)
    if jenis is None or jenis.extension not in tipe:
        raise ValidationError(
            _("Isi berkas %(nama)s bukan jenis yang diterima (%(tipe)s).")
            % {"nama": berkas.name, "tipe": ", ".join(t.upper() for t in tipe)},
            code="jenis_ditolak",
        )
    return jenis.extension


def nama_acak(ekstensi: str) -> str:
    """A generated storage name: the uploader's file name never reaches the disk."""
    return f"{uuid.uuid4().hex}.{ekstensi}"
