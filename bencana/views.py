"""Pages of disaster duty: disasters, status decrees, assignments, daily reports, the duty recap."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bencana import selectors, services
from bencana.forms import (
    FotoKejadianForm,
    KejadianForm,
    LaporanForm,
    PerpanjanganForm,
    StatusForm,
    TambahPenugasanForm,
    TautKlaimForm,
    UbahPenugasanForm,
)
from bencana.models import (
    FotoKejadian,
    FotoLaporan,
    KejadianBencana,
    KlaimPenugasan,
    Penugasan,
    StatusDarurat,
)
from opd.klaim_choices import ProgramBpjs
from opd.models import KlaimBpjs
from sipd import access, laporan
from sipd.uploads import unduh, unduh_terlihat

FORM = ["GET", "HEAD", "POST"]


def _galat_ke_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _pesan_dilewati(request, hasil) -> None:
    if hasil is None:
        return
    if hasil.dibuat:
        messages.success(
            request,
            ngettext(
                "%(n)d penugasan dibuat dan diumumkan.",
                "%(n)d penugasan dibuat dan diumumkan.",
                len(hasil.dibuat),
            )
            % {"n": len(hasil.dibuat)},
        )
    for pegawai, alasan in hasil.dilewati:
        messages.warning(
            request, _("%(nama)s dilewati: %(alasan)s.") % {"nama": pegawai.nama, "alasan": alasan}
        )


def _kejadian(request, pk, action=access.VIEW) -> KejadianBencana:
    return access.get_visible_or_404(
        KejadianBencana.objects.select_related("jenis", "kecamatan", "opd"), request.user, action, pk=pk
    )


def _penugasan(request, pk) -> Penugasan:
    qs = selectors.penugasan_terlihat(request.user).select_related(
        "pegawai",
        "opd",
        "status_darurat__kejadian__jenis",
        "status_darurat__kejadian__kecamatan",
        "siap_oleh",
    )
    return get_object_or_404(qs, pk=pk)


@require_GET
def beranda(request):
    """Disasters (for those who see them) and the user's own duty assignments."""
    user = request.user
    lihat_kejadian = access.can_any(user, access.VIEW, KejadianBencana)
    lihat_penugasan = access.can_any(user, access.VIEW, Penugasan)
    if not (lihat_kejadian or lihat_penugasan):
        raise PermissionDenied
    hari_ini = selectors.hari_ini()
    kejadian = list(selectors.kejadian_list(user)[:100]) if lihat_kejadian else []
    for k in kejadian:
        k.status_kini = selectors.status_kini(k, hari_ini)
    peran = access.roles_of(user)
    tugas = []
    if peran.opd_ids:
        tugas = list(
            selectors.penugasan_dengan_laporan(
                Penugasan.objects.visible_to(user).filter(opd_id__in=peran.opd_ids, selesai__gte=hari_ini),
                hari_ini,
            )
            .select_related("status_darurat__kejadian")
            .order_by("mulai", "pk")
        )
    context = {
        "kejadian": kejadian,
        "tugas": tugas,
        "hari_ini": hari_ini,
        "bisa_kelola": selectors.boleh_kelola(user),
        "lihat_kejadian": lihat_kejadian,
    }
    return render(request, "bencana/beranda.html", context)


@require_http_methods(FORM)
def kejadian_form(request, pk=None):
    if pk is None:
        if not selectors.boleh_kelola(request.user):
            raise PermissionDenied
        instance = KejadianBencana()
    else:
        instance = _kejadian(request, pk, access.CHANGE)
    form = KejadianForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            kejadian = services.simpan_kejadian(user=request.user, form=form)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Kejadian bencana tersimpan."))
            return redirect("bencana-kejadian-detail", kejadian.pk)
    return render(request, "bencana/kejadian_form.html", {"form": form, "kejadian": instance if pk else None})


@require_GET
def kejadian_detail(request, pk):
    kejadian = _kejadian(request, pk)
    user = request.user
    hari_ini = selectors.hari_ini()
    status = list(kejadian.status_darurat.prefetch_related("perpanjangan").order_by("mulai"))
    penugasan = list(
        selectors.penugasan_dengan_laporan(
            Penugasan.objects.filter(status_darurat__kejadian=kejadian), hari_ini
        ).order_by("status_darurat__mulai", "opd__urutan", "pk")
    )
    context = {
        "kejadian": kejadian,
        "status_list": status,
        "status_kini": next((s for s in status if s.berlaku_pada(hari_ini)), None),
        "penugasan": penugasan,
        "respon": selectors.respon_per_opd(penugasan, hari_ini),
        "foto": list(kejadian.foto.all()),
        "bisa_kelola": access.can(user, access.CHANGE, kejadian),
        "hari_ini": hari_ini,
        "form_foto": FotoKejadianForm(),
        "form_status": StatusForm(),
    }
    return render(request, "bencana/kejadian_detail.html", context)


@require_POST
def kejadian_foto(request, pk):
    kejadian = _kejadian(request, pk, access.CHANGE)
    form = FotoKejadianForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            for berkas in form.cleaned_data["foto"]:
                services.tambah_foto_kejadian(
                    user=request.user,
                    kejadian=kejadian,
                    berkas=berkas,
                    keterangan=form.cleaned_data["keterangan"],
                )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Foto diunggah."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("bencana-kejadian-detail", kejadian.pk)


@require_GET
def foto_kejadian(request, pk):
    return unduh_terlihat(request, FotoKejadian.objects.all(), pk=pk)


@require_http_methods(FORM)
def status_baru(request, pk):
    kejadian = _kejadian(request, pk, access.CHANGE)
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            status, hasil = services.buat_status(user=request.user, kejadian=kejadian, **form.cleaned_data)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(
                request, _("Status %(status)s tercatat.") % {"status": status.get_status_display()}
            )
            _pesan_dilewati(request, hasil)
            return redirect("bencana-kejadian-detail", kejadian.pk)
    return render(
        request,
        "bencana/status_form.html",
        {"form": form, "kejadian": kejadian, "judul": _("Status keadaan darurat baru")},
    )


def _status(request, pk, action=access.CHANGE) -> StatusDarurat:
    status = get_object_or_404(StatusDarurat.objects.select_related("kejadian"), pk=pk)
    access.get_visible_or_404(KejadianBencana.objects.all(), request.user, action, pk=status.kejadian_id)
    return status


@require_http_methods(FORM)
def status_perpanjang(request, pk):
    status = _status(request, pk)
    form = PerpanjanganForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hasil = services.perpanjang_status(user=request.user, status=status, **form.cleaned_data)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Status diperpanjang; penugasan yang berjalan ikut diperpanjang."))
            _pesan_dilewati(request, hasil)
            return redirect("bencana-kejadian-detail", status.kejadian_id)
    context = {"form": form, "kejadian": status.kejadian, "status": status, "judul": _("Perpanjang status")}
    return render(request, "bencana/status_form.html", context)


@require_POST
def status_penugasan(request, pk):
    """Create the Perbup assignments of a decree now (the same rule the decree and the beat task run)."""
    status = _status(request, pk)
    if status.mulai > selectors.hari_ini():
        messages.error(request, _("Status belum mulai berlaku; penugasan dibuat pada hari mulainya."))
    else:
        hasil = services.buat_penugasan_status(status=status)
        if hasil.sudah:
            messages.info(request, _("Penugasan status ini sudah dibuat; tidak ada yang berubah."))
        _pesan_dilewati(request, hasil)
    return redirect("bencana-kejadian-detail", status.kejadian_id)


@require_http_methods(FORM)
def penugasan_baru(request, pk):
    status = _status(request, pk)
    form = TambahPenugasanForm(
        request.POST or None,
        initial={"mulai": max(status.mulai, selectors.hari_ini()), "selesai": status.berakhir},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.tambah_penugasan(user=request.user, status=status, **form.cleaned_data)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Penugasan ditambahkan dan diumumkan."))
            return redirect("bencana-kejadian-detail", status.kejadian_id)
    context = {"form": form, "kejadian": status.kejadian, "status": status, "judul": _("Tambah petugas")}
    return render(request, "bencana/status_form.html", context)


@require_GET
def penugasan_detail(request, pk):
    penugasan = _penugasan(request, pk)
    return render(request, "bencana/penugasan_detail.html", _konteks_penugasan(request, penugasan))


def _konteks_penugasan(request, penugasan, **extra) -> dict:
    user = request.user
    hari_ini = selectors.hari_ini()
    kejadian = penugasan.status_darurat.kejadian
    laporan = list(
        penugasan.laporan.prefetch_related(Prefetch("foto", queryset=FotoLaporan.objects.order_by("pk")))
    )
    ada = {lap.tanggal for lap in laporan}
    bisa_lapor = access.can(user, access.CHANGE, penugasan)
    klaim = list(KlaimPenugasan.objects.filter(penugasan=penugasan).select_related("klaim"))
    pengelola_klaim = access.can_any(user, access.ADD, KlaimPenugasan)
    context = {
        "p": penugasan,
        "kejadian": kejadian,
        "laporan": laporan,
        "hari_ini": hari_ini,
        "perlu_lapor_hari_ini": penugasan.aktif_pada(hari_ini) and hari_ini not in ada,
        "bisa_lapor": bisa_lapor,
        "bisa_kelola": access.can(user, access.CHANGE, kejadian),
        "form_laporan": LaporanForm(initial={"tanggal": min(hari_ini, penugasan.selesai)}),
        "klaim": klaim,
        "pengelola_klaim": pengelola_klaim,
    }
    context.update(extra)
    return context


@require_POST
def penugasan_siap(request, pk):
    penugasan = _penugasan(request, pk)
    services.nyatakan_siap(user=request.user, penugasan=penugasan)
    messages.success(request, _("Terima kasih, kesiapan Anda tercatat."))
    return redirect("bencana-penugasan-detail", penugasan.pk)


@require_POST
def penugasan_laporan(request, pk):
    penugasan = _penugasan(request, pk)
    access.require(request.user, access.CHANGE, penugasan)
    form = LaporanForm(request.POST, request.FILES)
    if form.is_valid():
        isi = dict(form.cleaned_data)
        foto = isi.pop("foto")
        try:
            services.kirim_laporan(user=request.user, penugasan=penugasan, foto=foto, **isi)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Laporan harian terkirim."))
            return redirect("bencana-penugasan-detail", penugasan.pk)
    context = _konteks_penugasan(request, penugasan, form_laporan=form)
    return render(request, "bencana/penugasan_detail.html", context, status=400)


@require_http_methods(FORM)
def penugasan_ubah(request, pk):
    penugasan = _penugasan(request, pk)
    if not access.can(request.user, access.CHANGE, penugasan.status_darurat.kejadian):
        raise PermissionDenied
    form = UbahPenugasanForm(
        request.POST or None,
        initial={"unit": penugasan.unit, "sebutan": penugasan.sebutan, "catatan": penugasan.catatan},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_penugasan(user=request.user, penugasan=penugasan, **form.cleaned_data)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Penugasan diperbarui."))
            return redirect("bencana-penugasan-detail", penugasan.pk)
    context = {
        "form": form,
        "kejadian": penugasan.status_darurat.kejadian,
        "p": penugasan,
        "judul": _("Ubah penugasan"),
    }
    return render(request, "bencana/status_form.html", context)


@require_http_methods(FORM)
def penugasan_klaim(request, pk):
    """Link a BPJS JKK claim of the assignee to this assignment (personnel roles)."""
    penugasan = _penugasan(request, pk)
    if not access.can_any(request.user, access.ADD, KlaimPenugasan):
        raise PermissionDenied
    klaim_qs = KlaimBpjs.objects.visible_to(request.user, access.CHANGE).filter(
        pegawai=penugasan.pegawai, program=ProgramBpjs.JKK
    )
    form = TautKlaimForm(request.POST or None, klaim_qs=klaim_qs)
    if request.method == "POST" and form.is_valid():
        try:
            services.tautkan_klaim(user=request.user, penugasan=penugasan, klaim=form.cleaned_data["klaim"])
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Klaim ditautkan ke penugasan."))
            return redirect("bencana-penugasan-detail", penugasan.pk)
    context = {
        "form": form,
        "kejadian": penugasan.status_darurat.kejadian,
        "p": penugasan,
        "judul": _("Tautkan klaim JKK"),
        "tautan_klaim_baru": f"{reverse('klaim-baru')}?pegawai={penugasan.pegawai_id}",
    }
    return render(request, "bencana/status_form.html", context)


@require_GET
def foto_laporan(request, pk):
    # Not unduh_terlihat: the BPBD also sees the reports of other OPDs' assignments to its disaster.
    foto = get_object_or_404(
        FotoLaporan.objects.filter(laporan__in=selectors.laporan_terlihat(request.user)), pk=pk
    )
    return unduh(foto.berkas)


@require_POST
def rekap(request, pk):
    """The duty recap (PDF or Excel) as a report job; the status page polls it and offers the file."""
    kejadian = _kejadian(request, pk)
    fmt = request.POST.get("format", "pdf")
    try:
        job = laporan.minta(
            user=request.user, kode="rekap-penugasan", params={"kejadian": kejadian.pk}, fmt=fmt
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("bencana-kejadian-detail", kejadian.pk)
    return redirect("laporan-status", job.pk)
