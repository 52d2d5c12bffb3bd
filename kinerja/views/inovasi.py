"""Inovasi Daerah: the registry, an innovation's page with its evidence, and the dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kinerja.forms_inovasi import BerkasForm, FilterInovasiForm, InovasiForm
from kinerja.inovasi_skor import predikat
from kinerja.models import BerkasInovasi, Inovasi
from kinerja.selectors import inovasi as selectors
from kinerja.services import inovasi as services
from sipd import access
from sipd.roles import Peran
from sipd.uploads import unduh_terlihat


def _galat_ke_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _perlu_lihat(user):
    if not access.can_any(user, access.VIEW, Inovasi):
        raise PermissionDenied


@require_GET
def inovasi_list(request):
    _perlu_lihat(request.user)
    filter_form = FilterInovasiForm(request.GET or None, user=request.user)
    pilih = filter_form.cleaned_data if filter_form.is_valid() else {}
    daftar = list(
        selectors.daftar_inovasi(
            request.user, opd=pilih.get("opd") and pilih["opd"].pk, jenis=pilih.get("jenis"),
            tahapan=pilih.get("tahapan"),
        )
    )  # fmt: skip
    for inovasi in daftar:
        inovasi.predikat = predikat(inovasi.skor)
    return render(
        request,
        "kinerja/inovasi/list.html",
        {"daftar": daftar, "filter_form": filter_form,
         "bisa_tambah": access.can_any(request.user, access.ADD, Inovasi),
         "bisa_dasbor": access.has_role(request.user, Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN)},
    )  # fmt: skip


def _form(request, inovasi=None):
    if inovasi is None and not access.can_any(request.user, access.ADD, Inovasi):
        raise PermissionDenied
    form = InovasiForm(request.POST or None, instance=inovasi, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in services.FIELDS}
        try:
            simpan = services.simpan_inovasi(
                user=request.user, inovasi=inovasi, data=data, indikator=form.cleaned_data["indikator"],
                jawaban=form.jawaban(),
            )  # fmt: skip
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Inovasi disimpan."))
            return redirect("inovasi-detail", pk=simpan.pk)
    return render(request, "kinerja/inovasi/form.html", {"form": form, "inovasi": inovasi})


def inovasi_tambah(request):
    return _form(request)


def inovasi_ubah(request, pk: int):
    inovasi = access.get_visible_or_404(Inovasi.objects.all(), request.user, access.CHANGE, pk=pk)
    return _form(request, inovasi)


@require_GET
def inovasi_detail(request, pk: int):
    inovasi = access.get_visible_or_404(Inovasi.objects.select_related("opd"), request.user, pk=pk)
    skor = selectors.dengan_skor(Inovasi.objects.filter(pk=pk)).values_list("skor", flat=True).get()
    jawaban = inovasi.jawaban.select_related("indikator", "opsi").order_by("indikator__urutan")
    return render(
        request,
        "kinerja/inovasi/detail.html",
        {
            "inovasi": inovasi, "skor": skor, "predikat": predikat(skor), "jawaban": jawaban,
            "indikator": inovasi.indikator.select_related("periode").order_by("kode"),
            "berkas": inovasi.berkas.all(), "berkas_form": BerkasForm(),
            "bisa_ubah": access.can(request.user, access.CHANGE, inovasi),
            "bisa_hapus": access.can(request.user, access.DELETE, inovasi),
        },
    )  # fmt: skip


@require_POST
def inovasi_hapus(request, pk: int):
    inovasi = access.get_visible_or_404(Inovasi.objects.all(), request.user, access.DELETE, pk=pk)
    services.hapus_inovasi(user=request.user, inovasi=inovasi)
    messages.success(request, _("Inovasi dihapus."))
    return redirect("inovasi-list")


@require_POST
def berkas_unggah(request, pk: int):
    inovasi = access.get_visible_or_404(Inovasi.objects.all(), request.user, access.CHANGE, pk=pk)
    form = BerkasForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Pilih berkas dulu."))
    else:
        try:
            services.unggah_berkas(user=request.user, inovasi=inovasi, berkas=form.cleaned_data["berkas"])
            messages.success(request, _("Bukti diunggah."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("inovasi-detail", pk=inovasi.pk)


@require_GET
def berkas_unduh(request, token: str):
    return unduh_terlihat(request, BerkasInovasi.objects.all(), nama=lambda b: b.nama_asli, token=token)


@require_POST
def berkas_hapus(request, token: str):
    berkas = access.get_visible_or_404(BerkasInovasi.objects.all(), request.user, access.DELETE, token=token)
    inovasi_id = berkas.inovasi_id
    services.hapus_berkas(user=request.user, berkas=berkas)
    messages.success(request, _("Bukti dihapus."))
    return redirect("inovasi-detail", pk=inovasi_id)


@require_GET
def inovasi_dasbor(request):
    """Pemda-wide figures: OPDs without an innovation, innovations by stage, the OPD and regional index."""
    if not access.has_role(request.user, Peran.ADMIN, Peran.BAPPEDA, Peran.PIMPINAN):
        raise PermissionDenied
    return render(request, "kinerja/inovasi/dasbor.html", {"ringkasan": selectors.ringkasan()})
