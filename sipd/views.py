import pghistory.models
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from sipd import access, health
from sipd.formatting import samarkan
from sipd.forms import PemdaForm
from sipd.models import Notifikasi, Pemda
from sipd.notifications import jumlah_belum_dibaca, tandai_dibaca
from sipd.roles import Peran
from sipd.selectors import pemda_profile
from sipd.services import simpan_pemda


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """Load balancer: 200 while the database answers. Monitoring: `?ketat=1`, 503 when any part fails."""
    result = health.status()
    ketat = request.GET.get("ketat", "").lower() in {"1", "true", "ya"}
    return JsonResponse(result, status=health.http_status(result, ketat=ketat))


def notifikasi_list(request):
    page = Paginator(Notifikasi.objects.filter(penerima=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "sipd/notifikasi_list.html", {"page": page})


@require_POST
def notifikasi_baca(request):
    ids = request.POST.getlist("id") or None
    tandai_dibaca(user=request.user, ids=ids)
    if request.headers.get("HX-Request"):
        return render(
            request, "sipd/_lonceng.html", {"notifikasi_belum_dibaca": jumlah_belum_dibaca(request.user)}
        )
    return redirect(request.POST.get("next") or "notifikasi")


def notifikasi_buka(request, pk):
    notif = Notifikasi.objects.filter(penerima=request.user, pk=pk).first()
    if notif is None:
        raise Http404
    tandai_dibaca(user=request.user, ids=[notif.pk])
    return redirect(notif.tautan or "notifikasi")


def pemda_edit(request):
    if not access.has_role(request.user, Peran.ADMIN):
        raise PermissionDenied
    instance = Pemda.objects.first() or Pemda()
    form = PemdaForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        simpan_pemda(user=request.user, form=form)
        messages.success(request, _("Profil Pemda tersimpan."))
        return redirect("pemda")
    return render(request, "sipd/pemda_form.html", {"form": form, "profil": pemda_profile()})


HISTORY_ROLES = (Peran.ADMIN, Peran.BAPPEDA)


def _samarkan_diff(events) -> None:
    """Private data in the history is masked as on the pegawai pages and API."""
    for event in events:
        diff = event.pgh_diff or {}
        for field in access.DATA_PRIBADI_DISAMARKAN & diff.keys():
            diff[field] = [samarkan(value) if value else "–" for value in diff[field]]
        for field in access.DATA_PRIBADI_DISEMBUNYIKAN & diff.keys():
            diff[field] = [_("disembunyikan")] * len(diff[field])


def riwayat(request, app_label, model_name, pk):
    """Change history of one object (pghistory events), for Bappeda and Admin, through the access layer."""
    if not access.has_role(request.user, *HISTORY_ROLES):
        raise PermissionDenied
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not hasattr(model, "aturan_akses") or not hasattr(model, "pgh_event_models"):
        raise Http404
    obj = access.get_visible_or_404(model.objects.all(), request.user, access.VIEW, pk=pk)
    events = pghistory.models.Events.objects.tracks(obj).order_by("-pgh_created_at", "-pgh_id")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    if not access.can_see_private_data(request.user):
        _samarkan_diff(page.object_list)
    context = {"obj": obj, "page": page, "nama_model": model._meta.verbose_name}
    return render(request, "sipd/riwayat.html", context)


def page_not_found(request, exception):
    """Unknown addresses under /api/ answer JSON like the API itself; the rest get the portal's page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Tidak ditemukan.")}, status=404)
    return defaults.page_not_found(request, exception)
