"""Pages of BPJS Ketenagakerjaan claims."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from opd import calculations, klaim_selectors, klaim_services
from opd.klaim_choices import StatusKlaim
from opd.klaim_forms import AhliWarisForm, DokumenForm, KalkulatorForm, KlaimForm, StatusKlaimForm
from opd.models import AhliWaris, DokumenKlaim, KlaimBpjs, Pegawai
from sipd import access, laporan
from sipd.uploads import unduh_terlihat


def _galat_ke_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _boleh_lihat_daftar(user) -> None:
    if not access.can_any(user, access.VIEW, KlaimBpjs):
        raise PermissionDenied


@require_GET
def klaim_list(request):
    _boleh_lihat_daftar(request.user)
    tahun_pilihan = klaim_selectors.tahun_klaim(request.user)
    try:
        tahun = int(request.GET.get("tahun") or tahun_pilihan[0])
    except ValueError:
        tahun = tahun_pilihan[0]
    qs = klaim_selectors.klaim_list(request.user, tahun=tahun)
    status = request.GET.get("status")
    if status in StatusKlaim.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "tahun": tahun,
        "tahun_pilihan": tahun_pilihan,
        "status_pilihan": StatusKlaim.choices,
        "status_dipilih": status,
        "rekap": klaim_selectors.rekap_status(klaim_selectors.klaim_list(request.user, tahun=tahun)),
        "bisa_tambah": access.can_any(request.user, access.ADD, KlaimBpjs),
        "pengelola": klaim_services.pengelola_klaim(request.user),
        "query": f"tahun={tahun}" + (f"&status={status}" if status else ""),
    }
    return render(request, "opd/klaim_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def klaim_form(request, pk=None):
    user = request.user
    if pk is None:
        if not access.can_any(user, access.ADD, KlaimBpjs):
            raise PermissionDenied
        instance = KlaimBpjs()
        awal = {"pegawai": request.GET.get("pegawai")} if request.GET.get("pegawai", "").isdigit() else None
    else:
        instance = access.get_visible_or_404(
            KlaimBpjs.objects.select_related("pegawai"), user, access.CHANGE, pk=pk
        )
        awal = None
    form = KlaimForm(request.POST or None, instance=instance, user=user, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            klaim = klaim_services.simpan_klaim(user=user, form=form)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Klaim tersimpan."))
            return redirect("klaim-detail", klaim.pk)
    return render(request, "opd/klaim_form.html", {"form": form, "klaim": instance if pk else None})


def _klaim(request, pk, action=access.VIEW) -> KlaimBpjs:
    return access.get_visible_or_404(
        KlaimBpjs.objects.select_related("pegawai", "pegawai__opd"), request.user, action, pk=pk
    )


@require_GET
def klaim_detail(request, pk):
    klaim = _klaim(request, pk)
    return render(request, "opd/klaim_detail.html", _konteks_detail(request, klaim))


def _konteks_detail(request, klaim, **extra) -> dict:
    user = request.user
    ahli_waris = list(klaim.ahli_waris.all())
    dokumen = list(klaim.dokumen.all())
    pribadi = access.can_see_private_data(user)
    urut = sorted(ahli_waris, key=lambda w: (calculations.golongan_ahli_waris(w.hubungan), w.pk))
    penerima = calculations.penerima_manfaat([w.hubungan for w in urut])
    bisa_ubah = (
        access.can(user, access.CHANGE, klaim)
        and (klaim.status == StatusKlaim.DISIAPKAN or klaim_services.pengelola_klaim(user))
        and klaim.status not in (StatusKlaim.DIBAYAR, StatusKlaim.DITOLAK)
    )
    context = {
        "klaim": klaim,
        "ahli_waris": [
            (w, calculations.golongan_ahli_waris(w.hubungan), i in penerima) for i, w in enumerate(urut)
        ],
        "kelengkapan": klaim_services.kelengkapan(klaim, ahli_waris, dokumen),
        "santunan": calculations.santunan_kematian(klaim.program, klaim.upah_bpjs) if pribadi else None,
        "peringatan": klaim_selectors.peringatan(klaim, lihat_nominal=pribadi),
        "tenggat": klaim_selectors.tenggat(klaim),
        "bisa_ubah": bisa_ubah,
        "bisa_status": klaim_services.pengelola_klaim(user)
        and access.can(user, access.CHANGE, klaim)
        and bool(StatusKlaimForm(klaim=klaim).fields["status"].choices),
        "form_waris": AhliWarisForm(),
        "form_dokumen": DokumenForm(),
        "form_status": StatusKlaimForm(klaim=klaim, initial={"tanggal": timezone.localdate()}),
    }
    context.update(extra)
    return context


@require_POST
def klaim_ahli_waris(request, pk):
    klaim = _klaim(request, pk, access.CHANGE)
    form = AhliWarisForm(request.POST)
    if form.is_valid():
        try:
            klaim_services.tambah_ahli_waris(user=request.user, klaim=klaim, **form.cleaned_data)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Ahli waris ditambahkan."))
            return redirect("klaim-detail", klaim.pk)
    return render(
        request, "opd/klaim_detail.html", _konteks_detail(request, klaim, form_waris=form), status=400
    )


@require_POST
def klaim_ahli_waris_hapus(request, pk):
    waris = access.get_visible_or_404(
        AhliWaris.objects.select_related("klaim"), request.user, access.CHANGE, pk=pk
    )
    klaim_services.hapus_ahli_waris(user=request.user, waris=waris)
    messages.success(request, _("Ahli waris dihapus."))
    return redirect("klaim-detail", waris.klaim_id)


@require_POST
def klaim_dokumen(request, pk):
    klaim = _klaim(request, pk, access.CHANGE)
    form = DokumenForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            klaim_services.unggah_dokumen(user=request.user, klaim=klaim, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("berkas", exc.messages)
        else:
            messages.success(request, _("Dokumen diunggah."))
            return redirect("klaim-detail", klaim.pk)
    return render(
        request, "opd/klaim_detail.html", _konteks_detail(request, klaim, form_dokumen=form), status=400
    )


@require_GET
def klaim_dokumen_unduh(request, pk):
    return unduh_terlihat(request, DokumenKlaim.objects.all(), nama=_nama_dokumen, pk=pk)


def _nama_dokumen(dokumen: DokumenKlaim) -> str:
    return f"{dokumen.jenis}-{dokumen.klaim_id}.{dokumen.berkas.name.rsplit('.', 1)[-1]}"


@require_POST
def klaim_status(request, pk):
    klaim = _klaim(request, pk, access.CHANGE)
    form = StatusKlaimForm(request.POST, klaim=klaim)
    if form.is_valid():
        try:
            klaim_services.ubah_status(user=request.user, klaim=klaim, **form.cleaned_data)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Status klaim diperbarui."))
            return redirect("klaim-detail", klaim.pk)
    return render(
        request, "opd/klaim_detail.html", _konteks_detail(request, klaim, form_status=form), status=400
    )


@login_not_required
@require_GET
def kalkulator(request):
    """The PP 82/2019 death-benefit calculator: public arithmetic, open without signing in."""
    form = KalkulatorForm(request.GET or None)
    hasil = None
    if form.is_valid():
        hasil = calculations.santunan_kematian(form.cleaned_data["program"], form.cleaned_data["upah"] or 0)
    return render(request, "opd/klaim_kalkulator.html", {"form": form, "hasil": hasil})


def _boleh_register(user) -> None:
    if not klaim_services.pengelola_klaim(user):
        raise PermissionDenied


@require_POST
def register(request, tahun):
    """The year's register (PDF or Excel) as a report job, masked unless the user may see private data."""
    _boleh_register(request.user)
    params = {"tahun": tahun, "data_pribadi": access.can_see_private_data(request.user)}
    try:
        job = laporan.minta(
            user=request.user,
            kode="register-klaim-bpjs",
            params=params,
            fmt=request.POST.get("format", "pdf"),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(f"{reverse('klaim-list')}?tahun={tahun}")
    return redirect("laporan-status", job.pk)


@require_GET
def pegawai_klaim(request, pk):
    """From a pegawai page: the claim form for this person (refused with the Taspen message for ASN)."""
    pegawai = access.get_visible_or_404(Pegawai.objects.all(), request.user, pk=pk)
    try:
        klaim_services.periksa_pegawai(pegawai)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("pegawai-detail", pegawai.pk)
    return redirect(f"{reverse('klaim-baru')}?pegawai={pegawai.pk}")
