"""Perencanaan: the RPJMD tree, each OPD's Renstra, indicator pages, and Bappeda's forms for the plan."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.forms import (
    ButirForm,
    IndikatorForm,
    NomenklaturForm,
    PeriodeForm,
    RenstraForm,
    TargetForm,
    pasang_galat,
)
from kinerja.models import (
    Indikator,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Renstra,
    Sasaran,
    SasaranPd,
    Target,
    Tujuan,
    TujuanPd,
)
from kinerja.selectors import perencanaan as selectors
from kinerja.services import perencanaan as services
from sipd import access

FORM = "kinerja/perencanaan/form.html"
SIMPUL = {"tujuan": Tujuan, "sasaran": Sasaran, "tujuan_pd": TujuanPd, "sasaran_pd": SasaranPd,
          "nomenklatur": Nomenklatur}  # fmt: skip


def _pesan(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _kelola(user) -> bool:
    return access.has_role(user, *services.PENGELOLA)


def _form(request, form, *, judul, batal, keterangan="", hapus=None, status=200):
    context = {"form": form, "judul": judul, "batal": batal, "keterangan": keterangan, "hapus": hapus}
    return render(request, FORM, context, status=status)


def _tautan_butir(obj) -> str:
    """Where a node is shown: its Renstra page, else the RPJMD tree."""
    renstra = services.renstra_butir(obj)
    if renstra is not None:
        return reverse("renstra-detail", args=[renstra.pk])
    return reverse("rpjmd-pohon", args=[services.periode_butir(obj).pk])


# --- RPJMD ------------------------------------------------------------------------------------------------


def rpjmd(request):
    """The latest period's tree; an empty page (with "add a period" for Bappeda) before there is one."""
    if not access.can_any(request.user, access.VIEW, PeriodeRpjmd):
        raise PermissionDenied
    periode = selectors.periode_bawaan(request.user)
    if periode is not None:
        return redirect("rpjmd-pohon", pk=periode.pk)
    return render(
        request, "kinerja/perencanaan/rpjmd.html", {"periode": None, "kelola": _kelola(request.user)}
    )


def rpjmd_pohon(request, pk: int):
    periode = access.get_visible_or_404(PeriodeRpjmd.objects.all(), request.user, pk=pk)
    context = {
        "periode": periode,
        "tahun": list(periode.tahun),
        "pohon": selectors.pohon_rpjmd(user=request.user, periode=periode),
        "periode_lain": selectors.periode_list(request.user),
        "kelola": _kelola(request.user) and access.can(request.user, access.CHANGE, periode),
        "lihat_renstra": access.can_any(request.user, access.VIEW, Renstra),
        "buka": request.GET.get("buka") == "1",  # every level open (printing, screenshots)
    }
    return render(request, "kinerja/perencanaan/rpjmd.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def periode_form(request, pk: int | None = None):
    periode = None
    if pk is not None:
        periode = access.get_visible_or_404(PeriodeRpjmd.objects.all(), request.user, pk=pk)
        services.wajib_boleh_ubah(request.user, access.CHANGE, periode)
    elif not access.can_any(request.user, access.ADD, PeriodeRpjmd):
        raise PermissionDenied
    initial = {"nama": periode.nama, "tahun_awal": periode.tahun_awal, "visi": periode.visi,
               "dasar_hukum": periode.dasar_hukum} if periode else {}  # fmt: skip
    form = PeriodeForm(request.POST or None, initial=initial, ubah=periode is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if periode is None:
                periode = services.buat_periode(user=request.user, **data)
            else:
                data.pop("tahun_awal")
                services.ubah_periode(user=request.user, periode=periode, **data)
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("Periode RPJMD tersimpan."))
            return redirect("rpjmd-pohon", pk=periode.pk)
    judul = _("Ubah periode RPJMD") if periode else _("Tambah periode RPJMD")
    batal = reverse("rpjmd-pohon", args=[periode.pk]) if periode else reverse("rpjmd")
    return _form(request, form, judul=judul, batal=batal)


@require_POST
def rpjmd_setujui(request, pk: int):
    periode = access.get_visible_or_404(PeriodeRpjmd.objects.all(), request.user, pk=pk)
    try:
        services.setujui_rpjmd(user=request.user, periode=periode)
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, _("RPJMD disetujui. Perubahan target selanjutnya dicatat sebagai revisi."))
    return redirect("rpjmd-pohon", pk=pk)


# --- Statements of the tree (misi ... sasaran PD) ---------------------------------------------------------


def _model_butir(jenis: str):
    if jenis not in services.BUTIR:
        raise Http404
    return services.BUTIR[jenis]


@require_http_methods(["GET", "HEAD", "POST"])
def butir_tambah(request, jenis: str, induk: int):
    model, model_induk, _field = _model_butir(jenis)
    induk_obj = access.get_visible_or_404(model_induk.objects.all(), request.user, pk=induk)
    contoh = model(**{_field: induk_obj})
    if not _kelola(request.user):
        raise PermissionDenied
    access.require(request.user, access.ADD, contoh)
    periode = services.periode_butir(induk_obj)
    form = ButirForm(request.POST or None, jenis=jenis, periode=periode)
    if request.method == "POST" and form.is_valid():
        try:
            services.buat_butir(user=request.user, jenis=jenis, induk=induk_obj, **form.cleaned_data)
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(
                request, _("%(jenis)s tersimpan.") % {"jenis": model._meta.verbose_name.capitalize()}
            )
            return redirect(_tautan_butir(induk_obj))
    judul = _("Tambah %(jenis)s") % {"jenis": model._meta.verbose_name}
    return _form(request, form, judul=judul, batal=_tautan_butir(induk_obj), keterangan=str(induk_obj))


@require_http_methods(["GET", "HEAD", "POST"])
def butir_ubah(request, jenis: str, pk: int):
    model, _induk, _field = _model_butir(jenis)
    butir = access.get_visible_or_404(model.objects.all(), request.user, pk=pk)
    services.wajib_boleh_ubah(request.user, access.CHANGE, butir)
    periode = services.periode_butir(butir)
    initial = {"nomor": butir.nomor, "uraian": butir.uraian, "urutan": butir.urutan}
    if jenis == "sasaran_pd":
        initial["sasaran_rpjmd"] = butir.sasaran_rpjmd_id
    form = ButirForm(request.POST or None, jenis=jenis, periode=periode, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_butir(user=request.user, butir=butir, **form.cleaned_data)
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect(_tautan_butir(butir))
    hapus = (
        reverse("butir-hapus", args=[jenis, pk]) if access.can(request.user, access.DELETE, butir) else None
    )
    judul = _("Ubah %(jenis)s") % {"jenis": model._meta.verbose_name}
    return _form(request, form, judul=judul, batal=_tautan_butir(butir), hapus=hapus)


@require_POST
def butir_hapus(request, jenis: str, pk: int):
    model, _induk, _field = _model_butir(jenis)
    butir = access.get_visible_or_404(model.objects.all(), request.user, pk=pk)
    tujuan = _tautan_butir(butir)
    try:
        services.hapus_butir(user=request.user, butir=butir)
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, _("%(butir)s dihapus.") % {"butir": butir})
    return redirect(tujuan)


# --- Renstra ----------------------------------------------------------------------------------------------


def renstra_list(request):
    """The Renstra of every OPD in a period; an OPD user goes straight to their own."""
    if not access.can_any(request.user, access.VIEW, Renstra):
        raise PermissionDenied
    periode = None
    if request.GET.get("periode", "").isdigit():
        periode = access.get_visible_or_404(
            PeriodeRpjmd.objects.all(), request.user, pk=request.GET["periode"]
        )
    periode = periode or selectors.periode_bawaan(request.user)
    daftar = list(selectors.renstra_list(request.user, periode)) if periode else []
    peran = access.roles_of(request.user)
    if len(daftar) == 1 and not peran.global_roles:
        return redirect("renstra-detail", pk=daftar[0].pk)
    context = {
        "periode": periode,
        "daftar": daftar,
        "periode_lain": selectors.periode_list(request.user),
        "kelola": _kelola(request.user),
    }
    return render(request, "kinerja/perencanaan/renstra_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def renstra_tambah(request, pk: int):
    periode = access.get_visible_or_404(PeriodeRpjmd.objects.all(), request.user, pk=pk)
    if not access.can_any(request.user, access.ADD, Renstra):
        raise PermissionDenied
    form = RenstraForm(request.POST or None, periode=periode)
    if request.method == "POST" and form.is_valid():
        try:
            renstra = services.buat_renstra(user=request.user, periode=periode, opd=form.cleaned_data["opd"])
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("Renstra dibuat."))
            return redirect("renstra-detail", pk=renstra.pk)
    batal = f"{reverse('renstra-list')}?periode={periode.pk}"
    return _form(request, form, judul=_("Tambah Renstra PD"), batal=batal, keterangan=periode.nama)


def renstra_detail(request, pk: int):
    renstra = access.get_visible_or_404(Renstra.objects.select_related("periode", "opd"), request.user, pk=pk)
    user = request.user
    kelola = _kelola(user)
    context = {
        "renstra": renstra,
        "periode": renstra.periode,
        "tahun": list(renstra.periode.tahun),
        "pohon": selectors.pohon_renstra(user=user, renstra=renstra),
        "kelola": kelola,
        # A Kepala OPD edits the own Renstra's statements and targets while it is a draft.
        "ubah_butir": kelola or (
            access.can(user, access.CHANGE, renstra) and not services.sudah_disetujui(renstra)
        ),
    }  # fmt: skip
    return render(request, "kinerja/perencanaan/renstra.html", context)


@require_POST
def renstra_setujui(request, pk: int):
    renstra = access.get_visible_or_404(Renstra.objects.select_related("periode"), request.user, pk=pk)
    try:
        services.setujui_renstra(user=request.user, renstra=renstra)
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(
            request, _("Renstra disetujui. Perubahan target selanjutnya dicatat sebagai revisi.")
        )
    return redirect("renstra-detail", pk=pk)


# --- Nomenclature -----------------------------------------------------------------------------------------


def _simpan_pagu(user, nomenklatur, form):
    for tahun, jumlah in form.pagu().items():
        services.atur_pagu(user=user, nomenklatur=nomenklatur, tahun=tahun, jumlah=jumlah)


@require_http_methods(["GET", "HEAD", "POST"])
def nomenklatur_tambah(request, pk: int):
    renstra = access.get_visible_or_404(Renstra.objects.select_related("periode", "opd"), request.user, pk=pk)
    access.require(request.user, access.ADD, Nomenklatur(periode=renstra.periode, opd=renstra.opd))
    form = NomenklaturForm(request.POST or None, renstra=renstra, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            nomenklatur = services.buat_nomenklatur(
                user=request.user, periode=renstra.periode, opd=renstra.opd, kode=data["kode"],
                nama=data["nama"], versi=data["versi"], sasaran_pd=data["sasaran_pd"], urutan=data["urutan"],
            )  # fmt: skip
            _simpan_pagu(request.user, nomenklatur, form)
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("%(nomenklatur)s tersimpan.") % {"nomenklatur": nomenklatur})
            return redirect("renstra-detail", pk=renstra.pk)
    return _form(
        request, form, judul=_("Tambah program/kegiatan/sub kegiatan"),
        batal=reverse("renstra-detail", args=[renstra.pk]), keterangan=str(renstra),
    )  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
def nomenklatur_ubah(request, pk: int):
    nomenklatur = access.get_visible_or_404(
        Nomenklatur.objects.select_related("periode", "opd"), request.user, pk=pk
    )
    access.require(request.user, access.CHANGE, nomenklatur)
    renstra = Renstra.objects.filter(periode=nomenklatur.periode, opd=nomenklatur.opd).first()
    if renstra is None:
        raise Http404
    initial = {"kode": nomenklatur.kode, "versi": nomenklatur.versi, "nama": nomenklatur.nama,
               "sasaran_pd": nomenklatur.sasaran_pd_id, "urutan": nomenklatur.urutan}  # fmt: skip
    initial |= {f"pagu_{p.tahun}": p.jumlah for p in Pagu.objects.filter(nomenklatur=nomenklatur)}
    form = NomenklaturForm(request.POST or None, renstra=renstra, ubah=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.ubah_nomenklatur(
                user=request.user, nomenklatur=nomenklatur, nama=data["nama"], sasaran=nomenklatur.sasaran,
                sasaran_pd=data["sasaran_pd"], urutan=data["urutan"],
            )  # fmt: skip
            _simpan_pagu(request.user, nomenklatur, form)
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("renstra-detail", pk=renstra.pk)
    hapus = (
        reverse("nomenklatur-hapus", args=[pk])
        if access.can(request.user, access.DELETE, nomenklatur)
        else None
    )
    return _form(
        request, form, judul=_("Ubah %(kode)s") % {"kode": nomenklatur.kode},
        batal=reverse("renstra-detail", args=[renstra.pk]), keterangan=nomenklatur.nama, hapus=hapus,
    )  # fmt: skip


@require_POST
def nomenklatur_hapus(request, pk: int):
    nomenklatur = access.get_visible_or_404(
        Nomenklatur.objects.select_related("periode"), request.user, pk=pk
    )
    tujuan = _tautan_butir(nomenklatur)
    try:
        services.hapus_nomenklatur(user=request.user, nomenklatur=nomenklatur)
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
    else:
        messages.success(request, _("%(nomenklatur)s dihapus.") % {"nomenklatur": nomenklatur})
    return redirect(tujuan)


# --- Indicators and targets -------------------------------------------------------------------------------


def indikator_detail(request, pk: int):
    indikator = selectors.indikator_detail(user=request.user, pk=pk)
    user = request.user
    targets = {t.tahun: t for t in indikator.target.all()}
    kelola = _kelola(user)
    try:
        services.wajib_boleh_ubah_target(user, indikator, next(iter(targets.values()), None))
        ubah_target = True
    except (PermissionDenied, Http404):
        ubah_target = False
    context = {
        "indikator": indikator,
        "tingkat": selectors.tingkat_indikator(indikator),
        "rencana": services.rencana_indikator(indikator),
        "baris_target": [(tahun, targets.get(tahun)) for tahun in indikator.periode.tahun],
        "revisi": selectors.revisi_indikator(indikator),
        "kelola": kelola and access.can(user, access.CHANGE, indikator),
        "ubah_target": ubah_target,
        "tambah_target": kelola,
        "perlu_alasan": services.perlu_alasan(indikator),
        "tautan_simpul": _tautan_butir(indikator.tujuan or indikator.sasaran or indikator.tujuan_pd
                                       or indikator.sasaran_pd or indikator.nomenklatur),
    }  # fmt: skip
    return render(request, "kinerja/perencanaan/indikator.html", context)


def _opd_tetap(simpul):
    if isinstance(simpul, Nomenklatur):
        return simpul.opd
    renstra = services.renstra_butir(simpul)
    return renstra.opd if renstra else None


@require_http_methods(["GET", "HEAD", "POST"])
def indikator_tambah(request, simpul: str, pk: int):
    if simpul not in SIMPUL:
        raise Http404
    node = access.get_visible_or_404(SIMPUL[simpul].objects.all(), request.user, pk=pk)
    if not access.can_any(request.user, access.ADD, Indikator):
        raise PermissionDenied
    periode = services.periode_butir(node)
    opd_tetap = _opd_tetap(node)
    form = IndikatorForm(request.POST or None, periode=periode, opd_tetap=opd_tetap)
    if request.method == "POST" and form.is_valid():
        try:
            indikator = services.buat_indikator(
                user=request.user, simpul=node, kode=form.cleaned_data["kode"], targets=form.targets(),
                **form.data_indikator(),
            )  # fmt: skip
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("Indikator tersimpan."))
            return redirect("indikator-detail", pk=indikator.pk)
    return _form(request, form, judul=_("Tambah indikator"), batal=_tautan_butir(node), keterangan=str(node))


@require_http_methods(["GET", "HEAD", "POST"])
def indikator_ubah(request, pk: int):
    indikator = selectors.indikator_detail(user=request.user, pk=pk)
    access.require(request.user, access.CHANGE, indikator)
    simpul = indikator.tujuan_pd or indikator.sasaran_pd or indikator.nomenklatur
    perlu = services.perlu_alasan(indikator)
    form = IndikatorForm(
        request.POST or None, instance=indikator, periode=indikator.periode,
        opd_tetap=_opd_tetap(simpul) if simpul else None, perlu_alasan=perlu,
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.data_indikator()
        alasan = {"jenis": form.cleaned_data.get("jenis", ""), "alasan": form.cleaned_data.get("alasan", "")}
        indikator = selectors.indikator_detail(user=request.user, pk=pk)  # the form wrote into the instance
        try:
            services.ubah_indikator(user=request.user, indikator=indikator, **alasan, **data)
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("indikator-detail", pk=pk)
    hapus = (
        reverse("indikator-hapus", args=[pk]) if access.can(request.user, access.DELETE, indikator) else None
    )
    return _form(
        request, form, judul=_("Ubah indikator"), batal=reverse("indikator-detail", args=[pk]),
        keterangan=indikator.nama, hapus=hapus,
    )  # fmt: skip


@require_POST
def indikator_hapus(request, pk: int):
    indikator = selectors.indikator_detail(user=request.user, pk=pk)
    try:
        services.hapus_indikator(user=request.user, indikator=indikator)
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
        return redirect("indikator-detail", pk=pk)
    messages.success(request, _("Indikator %(kode)s dihapus.") % {"kode": indikator.kode})
    return redirect(_tautan_butir(indikator.tujuan or indikator.sasaran or indikator.tujuan_pd
                                  or indikator.sasaran_pd or indikator.nomenklatur))  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
def target_ubah(request, pk: int, tahun: int):
    """The target of one year: created or changed; after approval a revision with its reason.
    With htmx the form opens inside the indicator page and a success reloads it."""
    indikator = selectors.indikator_detail(user=request.user, pk=pk)
    if tahun not in indikator.periode.tahun:
        raise Http404
    target = Target.objects.filter(indikator=indikator, tahun=tahun).first()
    services.wajib_boleh_ubah_target(request.user, indikator, target)
    perlu = services.perlu_alasan(indikator)
    initial = {k: getattr(target, k) for k in ("nilai", "nilai_atas", *services.KOLOM_TW)} if target else {}
    form = TargetForm(request.POST or None, initial=initial, perlu_alasan=perlu)
    kembali = reverse("indikator-detail", args=[pk])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if target is None:
                services.buat_target(user=request.user, indikator=indikator, tahun=tahun, **data)
            else:
                services.ubah_target(user=request.user, target=target, **data)
        except ValidationError as exc:
            pasang_galat(form, exc)
        else:
            messages.success(request, _("Target %(tahun)s tersimpan.") % {"tahun": tahun})
            if request.headers.get("HX-Request"):
                return HttpResponse(status=204, headers={"HX-Redirect": kembali})
            return redirect(kembali)
    context = {"form": form, "indikator": indikator, "tahun": tahun, "target": target, "perlu_alasan": perlu,
               "batal": kembali}  # fmt: skip
    status = 422 if form.errors else 200
    if request.headers.get("HX-Request"):
        return render(request, "kinerja/perencanaan/_form_target.html", context, status=status)
    return render(request, "kinerja/perencanaan/target.html", context, status=status)
