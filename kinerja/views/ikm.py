"""Survei IKM: definitions, results, reports and the poster; and the public questionnaire (no login)."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.forms_ikm import KuesionerForm, SurveiForm
from kinerja.models import Realisasi, SurveiIkm
from kinerja.reports.ikm import qr_data_uri
from kinerja.selectors import ikm as selectors
from kinerja.services import ikm as services
from kinerja.services.realisasi import Konflik
from kinerja.views.inovasi import _galat_ke_form
from sipd import access, laporan
from sipd.formatting import format_isian


def _survei(request, pk: int, action=access.VIEW) -> SurveiIkm:
    return access.get_visible_or_404(
        SurveiIkm.objects.select_related("opd", "indikator__periode"), request.user, action, pk=pk
    )


def _url_publik(request, survei: SurveiIkm) -> str:
    return request.build_absolute_uri(reverse("ikm-publik", args=[survei.token]))


@require_GET
def ikm_list(request):
    if not access.can_any(request.user, access.VIEW, SurveiIkm):
        raise PermissionDenied
    surveys, hasil = selectors.daftar_survei(request.user)
    rows = [(s, hasil.get(s.pk)) for s in surveys]
    return render(
        request,
        "kinerja/ikm/list.html",
        {"rows": rows, "bisa_tambah": access.can_any(request.user, access.ADD, SurveiIkm)},
    )


def _form(request, survei=None):
    if survei is None and not access.can_any(request.user, access.ADD, SurveiIkm):
        raise PermissionDenied
    form = SurveiForm(request.POST or None, instance=survei, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            simpan = services.simpan_survei(
                user=request.user, survei=survei, data={f: form.cleaned_data[f] for f in services.FIELDS}
            )
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Survei disimpan."))
            return redirect("ikm-detail", pk=simpan.pk)
    return render(request, "kinerja/ikm/form.html", {"form": form, "survei": survei})


def ikm_tambah(request):
    return _form(request)


def ikm_ubah(request, pk: int):
    return _form(request, _survei(request, pk, access.CHANGE))


def _realisasi_kini(survei: SurveiIkm) -> Realisasi | None:
    if not survei.indikator_id:
        return None
    return Realisasi.objects.filter(
        indikator_id=survei.indikator_id, tahun=survei.tahun, triwulan=survei.triwulan
    ).first()


@require_GET
def ikm_detail(request, pk: int):
    """Results: IKM, mutu, NRR per element, the sample against Krejcie–Morgan, profile and comments."""
    survei = _survei(request, pk)
    lap = selectors.laporan(survei, saran_maks=50)
    url = _url_publik(request, survei)
    realisasi = _realisasi_kini(survei)
    return render(
        request,
        "kinerja/ikm/detail.html",
        {
            "lap": lap, "survei": survei, "url_publik": url, "qr": qr_data_uri(url, scale=4),
            "status": services.status_survei(survei),
            "bisa_ubah": access.can(request.user, access.CHANGE, survei),
            "realisasi": realisasi,
            "nilai_realisasi": services.nilai_realisasi(survei) if survei.indikator_id else None,
            "asal": format_isian(realisasi.nilai) if realisasi else "",
            "bisa_isi_realisasi": bool(survei.indikator_id)
            and access.can_for_opd(request.user, access.CHANGE, Realisasi, survei.opd_id),
        },
    )  # fmt: skip


@require_POST
def ikm_isi_realisasi(request, pk: int):
    survei = _survei(request, pk)
    try:
        realisasi = services.isi_realisasi(
            user=request.user, survei=survei, asal=request.POST.get("asal", "")
        )
        messages.success(
            request,
            _("Realisasi %(indikator)s %(tahun)s triwulan %(tw)s diisi %(nilai)s.")
            % {"indikator": survei.indikator.nama, "tahun": survei.tahun, "tw": survei.triwulan,
               "nilai": format_isian(realisasi.nilai)},
        )  # fmt: skip
    except Konflik as exc:
        messages.error(
            request,
            _("Realisasi indikator baru saja diubah orang lain (kini %(nilai)s). Periksa lalu ulangi.")
            % {"nilai": format_isian(exc.sekarang) or "–"},
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("ikm-detail", pk=survei.pk)


@require_POST
def ikm_tutup(request, pk: int):
    survei = _survei(request, pk, access.CHANGE)
    dibuka = request.POST.get("dibuka") == "1"
    services.tutup_survei(user=request.user, survei=survei, dibuka=dibuka)
    messages.success(request, _("Survei dibuka kembali.") if dibuka else _("Survei ditutup."))
    return redirect("ikm-detail", pk=survei.pk)


@require_GET
def ikm_poster(request, pk: int):
    """A printable page with the QR code and the link (print from the browser, or the PDF)."""
    survei = _survei(request, pk)
    url = _url_publik(request, survei)
    return render(request, "kinerja/ikm/poster.html", {"survei": survei, "url": url, "qr": qr_data_uri(url)})


def _minta_laporan(request, kode: str, params: dict, fmt: str):
    try:
        job = laporan.minta(user=request.user, kode=kode, params=params, fmt=fmt)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("ikm-detail", pk=params["survei"])
    return redirect("laporan-status", pk=job.pk)


@require_POST
def ikm_poster_pdf(request, pk: int):
    """The poster as a PDF, rendered by the report worker."""
    survei = _survei(request, pk)
    return _minta_laporan(
        request, "poster-skm", {"survei": survei.pk, "url": _url_publik(request, survei)}, "pdf"
    )


@require_POST
def ikm_laporan(request, pk: int):
    """The SKM report (PDF or Excel), rendered by the report worker; the page then follows the job."""
    survei = _survei(request, pk)
    fmt = request.POST.get("format")
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    return _minta_laporan(request, "skm", {"survei": survei.pk}, fmt)


def _set_cookie(response, request, token: str) -> None:
    from django.conf import settings

    response.set_signed_cookie(
        services.COOKIE_PERANGKAT, token, salt=services.COOKIE_SALT, max_age=services.COOKIE_UMUR,
        httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
    )  # fmt: skip


@login_not_required
@require_http_methods(["GET", "POST"])
def ikm_publik(request, token: str):
    """The public questionnaire: no login, anonymous; honeypot, rate limit and one answer per device."""
    survei = get_object_or_404(SurveiIkm.objects.select_related("opd"), token=token)
    perangkat = request.get_signed_cookie(services.COOKIE_PERANGKAT, default=None, salt=services.COOKIE_SALT)
    konteks = {"survei": survei, "alasan": services.status_survei(survei)}
    status = 200
    if konteks["alasan"]:
        form = None
    elif services.sudah_menjawab(survei, perangkat):
        konteks["sudah"] = True
        form = None
    else:
        form = KuesionerForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.kirim_jawaban(
                    survei=survei, jawaban=form.jawaban(), profil=form.profil(),
                    saran=form.cleaned_data["saran"], token_perangkat=perangkat or "",
                    alamat=get_client_ip_address(request) or "", honeypot=form.cleaned_data["situs_web"],
                )  # fmt: skip
            except services.Honeypot:
                konteks["terkirim"] = True
                form = None
            except ValidationError as exc:
                if exc.code == "sudah":
                    konteks["sudah"] = True
                    form = None
                else:
                    form.add_error(None, exc)
                    status = 429 if exc.code == "laju" else 400
            else:
                konteks["terkirim"] = True
                form = None
        elif request.method == "POST":
            status = 400
    konteks["form"] = form
    response = render(request, "kinerja/ikm/publik.html", konteks, status=status)
    if not perangkat:
        _set_cookie(response, request, services.token_perangkat_baru())
    return response
