from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import TemplateView

from opd import impor as impor_data
from opd import selectors
from opd.filters import PegawaiFilter
from opd.forms import ImporForm
from opd.models import Opd, Pegawai
from sipd import access
from sipd.views_base import AccessMixin

# An active perangkat daerah with neither a definitive nor an acting head.
TANPA_PIMPINAN = Q(induk__isnull=True, aktif=True, kepala__isnull=True, pelaksana__isnull=True)


class BerandaView(TemplateView):
    """Each role lands here; the page shows what that role works with."""

    template_name = "opd/beranda.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        peran = access.roles_of(user)
        pegawai = Pegawai.objects.visible_to(user)
        context["rekap_pegawai"] = selectors.rekap_pegawai(pegawai)
        context["global"] = bool(peran.global_roles)
        if context["global"]:  # the Pemda-wide figures are shown to the global roles only
            context["rekap_opd"] = Opd.objects.aggregate(
                perangkat_daerah=Count("pk", filter=Q(induk__isnull=True, aktif=True)),
                kecamatan=Count("pk", filter=Q(jenis="kecamatan", aktif=True)),
                unit=Count("pk", filter=Q(induk__isnull=False, aktif=True)),
                tanpa_kepala=Count("pk", filter=TANPA_PIMPINAN),
            )
            context["opd_tanpa_kepala"] = Opd.objects.filter(TANPA_PIMPINAN)[:10]
        context["opd_saya"] = list(
            Opd.objects.filter(pk__in=peran.opd_ids)
            .select_related("kepala", "pelaksana")
            .annotate(jumlah_unit=Count("sub_unit", distinct=True))
        )
        return context


class OpdTreeView(AccessMixin, TemplateView):
    access_model = Opd
    template_name = "opd/opd_tree.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(pohon=selectors.pohon_opd(self.request.user), **kwargs)


class OpdDetailView(AccessMixin, TemplateView):
    access_model = Opd
    template_name = "opd/opd_detail.html"

    def get_context_data(self, **kwargs):
        opd = access.get_visible_or_404(
            Opd.objects.select_related("induk", "kepala", "pelaksana"),
            self.request.user,
            pk=self.kwargs["pk"],
        )
        units = (
            opd.sub_unit.select_related("kepala", "pelaksana")
            .annotate(jumlah_pegawai=selectors.jumlah_pegawai_aktif())
            .order_by("urutan", "kode")
        )
        pegawai = Pegawai.objects.visible_to(self.request.user).filter(Q(opd=opd) | Q(unit=opd))
        return super().get_context_data(
            opd=opd,
            units=units,
            rekap=selectors.rekap_pegawai(Pegawai.objects.filter(Q(opd=opd) | Q(unit=opd))),
            bisa_lihat_pegawai=pegawai.exists(),
            bisa_ubah=access.can(self.request.user, access.CHANGE, opd),
            **kwargs,
        )


class PegawaiListView(AccessMixin, TemplateView):
    access_model = Pegawai
    template_name = "opd/pegawai_list.html"

    def get_context_data(self, **kwargs):
        filterset = PegawaiFilter(
            self.request.GET or None, queryset=selectors.pegawai_list(self.request.user), request=self.request
        )
        page = Paginator(filterset.qs, 50).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filter=filterset, page=page, query=query.urlencode(), **kwargs)

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        if request.headers.get("HX-Request"):
            return render(request, "opd/_pegawai_table.html", context)
        return self.render_to_response(context)


class PegawaiDetailView(AccessMixin, TemplateView):
    access_model = Pegawai
    template_name = "opd/pegawai_detail.html"

    def get_context_data(self, **kwargs):
        pegawai = access.get_visible_or_404(
            selectors.pegawai_list(self.request.user), self.request.user, pk=self.kwargs["pk"]
        )
        return super().get_context_data(pegawai=pegawai, **kwargs)


@require_http_methods(["GET", "HEAD", "POST"])
def impor(request):
    """Upload an OPD or pegawai file: a summary on success, or every error by row and column."""
    pilihan = impor_data.jenis_yang_boleh(request.user)
    if not pilihan:
        raise PermissionDenied
    if request.method == "POST":
        form = ImporForm(request.POST, request.FILES, pilihan=pilihan)
    else:
        form = ImporForm(pilihan=pilihan)
    galat = None
    if form.is_bound and form.is_valid():
        layanan = (
            impor_data.impor_opd
            if form.cleaned_data["jenis"] == impor_data.IMPOR_OPD
            else impor_data.impor_pegawai
        )
        try:
            hasil = layanan(user=request.user, file=form.cleaned_data["berkas"])
        except impor_data.ImporGagal as exc:
            galat = exc.galat
        else:
            messages.success(request, str(hasil))
            return redirect("opd-impor")
    templat = [(jenis, impor_data.JENIS_IMPOR[jenis]) for jenis in pilihan]
    return render(request, "opd/impor.html", {"form": form, "galat": galat, "templat": templat})


TIPE_TEMPLAT = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@require_GET
def impor_templat(request, jenis, ekstensi):
    if not impor_data.boleh_impor(request.user, jenis):
        raise PermissionDenied
    isi = impor_data.templat_xlsx(jenis) if ekstensi == "xlsx" else impor_data.templat_csv(jenis)
    response = HttpResponse(isi, content_type=TIPE_TEMPLAT[ekstensi])
    response["Content-Disposition"] = f'attachment; filename="templat-impor-{jenis}.{ekstensi}"'
    return response
