"""Ask for a report, watch its job, download the file."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from opd.models import Opd
from sipd import access, laporan
from sipd.models import PekerjaanLaporan


class PermintaanForm(forms.Form):
    jenis = forms.ChoiceField(label=gettext_lazy("Laporan"))
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=PekerjaanLaporan.Format.choices)
    tahun = forms.IntegerField(label=gettext_lazy("Tahun"), min_value=2000, max_value=2100, required=False)
    triwulan = forms.TypedChoiceField(
        label=gettext_lazy("Triwulan"), coerce=int, required=False, empty_value=None,
        choices=[("", "–"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
    )  # fmt: skip
    opd = forms.ModelChoiceField(label=gettext_lazy("OPD"), queryset=Opd.objects.none(), required=False)

    def __init__(self, *args, user, jenis_list, **kwargs):
        super().__init__(*args, **kwargs)
        self.jenis_list = {j.kode: j for j in jenis_list}
        self.fields["jenis"].choices = [(j.kode, j.judul) for j in jenis_list]
        opd_ids = access.roles_of(user).opd_ids
        qs = Opd.objects.filter(induk__isnull=True, aktif=True).order_by("urutan", "kode")
        self.fields["opd"].queryset = qs if access.roles_of(user).global_roles else qs.filter(pk__in=opd_ids)
        self.fields["tahun"].initial = timezone.localdate().year - 1

    def clean(self):
        data = super().clean()
        jenis = self.jenis_list.get(data.get("jenis"))
        if jenis is None:
            return data
        if data.get("format") not in jenis.format:
            self.add_error("format", _("Format ini tidak tersedia untuk laporan yang dipilih."))
        for nama in jenis.parameter:
            if data.get(nama) in (None, ""):
                self.add_error(nama, _("Wajib diisi untuk laporan ini."))
        data["params"] = {
            nama: (data[nama].pk if nama == "opd" else data[nama])
            for nama in (*jenis.parameter, *jenis.opsional)
            if data.get(nama)
        }
        return data


@require_http_methods(["GET", "POST"])
def laporan_index(request):
    jenis_list = laporan.yang_boleh(request.user)
    if not jenis_list:
        raise PermissionDenied
    form = PermintaanForm(request.POST or None, user=request.user, jenis_list=jenis_list)
    if request.method == "POST" and form.is_valid():
        try:
            job = laporan.minta(
                user=request.user, kode=form.cleaned_data["jenis"], params=form.cleaned_data["params"],
                fmt=form.cleaned_data["format"],
            )  # fmt: skip
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            return redirect("laporan-status", pk=job.pk)
    judul = {j.kode: j.judul for j in laporan.semua().values()}
    riwayat = list(PekerjaanLaporan.objects.filter(diminta_oleh=request.user)[:20])
    for job in riwayat:
        job.judul = judul.get(job.jenis, job.jenis)
    return render(
        request,
        "sipd/laporan/index.html",
        {"form": form, "jenis_list": jenis_list, "riwayat": riwayat},
    )


def _job(request, pk) -> PekerjaanLaporan:
    job = get_object_or_404(PekerjaanLaporan, pk=pk)
    if not laporan.boleh_lihat(request.user, job):
        raise Http404
    return job


@require_GET
def laporan_status(request, pk: int):
    job = _job(request, pk)
    jenis = laporan.semua().get(job.jenis)
    template = (
        "sipd/laporan/_status.html" if request.headers.get("HX-Request") else "sipd/laporan/status.html"
    )
    kembali = jenis.kembali(job.parameter) if jenis and jenis.kembali else None
    return render(
        request, template, {"job": job, "judul": jenis.judul if jenis else job.jenis, "kembali": kembali}
    )


@require_GET
def laporan_unduh(request, pk: int):
    job = _job(request, pk)
    if job.status != PekerjaanLaporan.Status.SELESAI or not job.berkas:
        raise Http404
    try:
        handle = job.berkas.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    jenis_mime = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[job.format]
    return FileResponse(handle, as_attachment=True, filename=job.nama_berkas, content_type=jenis_mime)
