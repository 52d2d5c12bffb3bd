"""Impor & Ekspor Matriks: upload → preview of what changes (or every error) → confirm; template; export."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kinerja import impor
from kinerja.forms_impor import EksporMatriksForm, ImporMatriksForm
from kinerja.models import PeriodeRpjmd
from sipd.spreadsheet import ImporGagal

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TAHAN_DETIK = 30 * 60  # how long a checked file waits for its confirmation


def _kunci_tahan(user, token: str) -> str:
    return f"kinerja-impor:{user.pk}:{token}"


def _tahan(user, nama: str, isi: bytes) -> str:
    """Keep the checked file for the confirmation step (per user, short-lived)."""
    token = secrets.token_urlsafe(16)
    cache.set(_kunci_tahan(user, token), {"nama": nama, "isi": isi}, TAHAN_DETIK)
    return token


def _ambil(user, token: str) -> SimpleUploadedFile | None:
    data = cache.get(_kunci_tahan(user, token)) if token else None
    return SimpleUploadedFile(data["nama"], data["isi"]) if data else None


@require_http_methods(["GET", "HEAD", "POST"])
def impor_matriks(request):
    if not impor.boleh_impor(request.user):
        raise PermissionDenied
    form = ImporMatriksForm(request.POST or None, request.FILES or None)
    konteks = {"ekspor": EksporMatriksForm(), "galat": None, "hasil": None, "token": ""}
    if request.method == "POST" and request.POST.get("token"):
        return _konfirmasi(request)
    if form.is_bound and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        data = form.cleaned_data
        args = {"user": request.user, "periode": data["periode"], "file": berkas,
                "jenis_perubahan": data["jenis_perubahan"], "alasan": data["alasan"]}  # fmt: skip
        try:
            hasil = impor.impor_matriks(**args, pratinjau=True)
        except ImporGagal as exc:
            konteks["galat"] = exc.galat
        else:
            berkas.seek(0)
            isi = berkas.read()
            konteks.update(
                hasil=hasil, token=_tahan(request.user, berkas.name, isi), periode=data["periode"],
                jenis_perubahan=data["jenis_perubahan"], alasan=data["alasan"],
                nama_berkas=berkas.name, sidik=hashlib.sha256(isi).hexdigest()[:12],
            )  # fmt: skip
    return render(request, "kinerja/impor/matriks.html", {"form": form, **konteks})


def _konfirmasi(request):
    berkas = _ambil(request.user, request.POST["token"])
    if berkas is None:
        messages.error(request, _("Berkas yang diperiksa sudah kedaluwarsa. Unggah lagi."))
        return redirect("kinerja-impor")
    periode = get_object_or_404(PeriodeRpjmd, pk=request.POST.get("periode"))
    form = ImporMatriksForm({**request.POST.dict(), "periode": periode.pk}, {"berkas": berkas})
    if not form.is_valid():
        return render(request, "kinerja/impor/matriks.html", {"form": form, "ekspor": EksporMatriksForm()})
    try:
        hasil = impor.impor_matriks(
            user=request.user, periode=periode, file=berkas,
            jenis_perubahan=form.cleaned_data["jenis_perubahan"], alasan=form.cleaned_data["alasan"],
        )  # fmt: skip
    except ImporGagal as exc:
        konteks = {"form": form, "ekspor": EksporMatriksForm(), "galat": exc.galat}
        return render(request, "kinerja/impor/matriks.html", konteks)
    cache.delete(_kunci_tahan(request.user, request.POST["token"]))
    messages.success(request, str(hasil))
    return redirect("kinerja-impor")


@require_GET
def templat(request, periode):
    if not impor.boleh_impor(request.user):
        raise PermissionDenied
    periode = get_object_or_404(PeriodeRpjmd, pk=periode)
    response = HttpResponse(impor.templat_xlsx(periode), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="templat-matriks-{periode.tahun_awal}.xlsx"'
    return response


@require_GET
def ekspor(request):
    if not impor.boleh_ekspor(request.user):
        raise PermissionDenied
    form = EksporMatriksForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Pilih periode dan tahun."))
        return redirect("kinerja-impor" if impor.boleh_impor(request.user) else "beranda")
    periode, tahun = form.cleaned_data["periode"], form.cleaned_data["tahun"]
    response = HttpResponse(impor.ekspor_xlsx(periode, tahun), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="matriks-{periode.tahun_awal}-realisasi-{tahun}.xlsx"'
    )
    return response
