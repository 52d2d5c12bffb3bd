from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sipd import access
from sipd.models import PekerjaanLaporan
from sipd.tasks import antre
from sipd.uploads import unduh_terlihat
from sla import forms, reports, selectors, services
from sla.choices import StatusSla
from sla.filters import PermohonanFilter, SlaFilter
from sla.models import Lampiran, Layanan, LiburDaerah, Permohonan, Sla
from sla.services.permohonan import tenggat_berjalan
from sla.services.umum import peran_di


def _perlu(user, action, model):
    if not access.can_any(user, action, model):
        raise PermissionDenied


def _pesan_galat(request, exc: ValidationError) -> None:
    for pesan in exc.messages:
        messages.error(request, pesan)


def _galat_ke_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# ---------------------------------------------------------------------------------------------------------
# Agreements and the catalogue
# ---------------------------------------------------------------------------------------------------------
@require_GET
def sla_list(request):
    _perlu(request.user, access.VIEW, Sla)
    filterset = SlaFilter(request.GET or None, queryset=selectors.sla_list(request.user))
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page": page,
        "query": query.urlencode(),
        "bisa_tambah": access.can_any(request.user, access.ADD, Sla),
        "bisa_ajukan": bool(access.roles_of(request.user).opd_ids),
    }
    return render(request, "sla/sla_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def sla_tambah(request):
    _perlu(request.user, access.ADD, Sla)
    form = forms.SlaForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, penerima = form.data_sla()
        try:
            sla = services.buat_sla(user=request.user, data=data, penerima=penerima)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Draf SLA %(nomor)s tersimpan.") % {"nomor": sla.nomor})
            return redirect("sla-detail", sla.pk)
    return render(request, "sla/sla_form.html", {"form": form, "sla": None})


@require_http_methods(["GET", "HEAD", "POST"])
def sla_ubah(request, pk):
    _perlu(request.user, access.CHANGE, Sla)
    sla = access.get_visible_or_404(Sla.objects.all(), request.user, access.CHANGE, pk=pk)
    if not sla.is_draf:
        messages.error(
            request, _("SLA yang sudah diajukan atau ditandatangani tidak dapat diubah; buat amandemen.")
        )
        return redirect("sla-detail", sla.pk)
    form = forms.SlaForm(request.POST or None, user=request.user, sla=sla)
    if request.method == "POST" and form.is_valid():
        data, penerima = form.data_sla()
        try:
            services.ubah_sla(user=request.user, sla=sla, data=data, penerima=penerima)
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Draf SLA tersimpan."))
            return redirect("sla-detail", sla.pk)
    return render(request, "sla/sla_form.html", {"form": form, "sla": sla})


@require_GET
def sla_detail(request, pk):
    _perlu(request.user, access.VIEW, Sla)
    sla = access.get_visible_or_404(
        Sla.objects.select_related("layanan", "penyedia", "dibuat_oleh"), request.user, pk=pk
    )
    wajib = services.penanda_tangan_wajib(sla)
    ttd = {t.opd_id: t for t in sla.tanda_tangan.all()}
    penanda_tangan = [(pihak, opd, ttd.get(opd.pk)) for pihak, opd in wajib]
    bisa_ttd = sla.status == StatusSla.DIAJUKAN and any(
        t is None and services.boleh_tanda_tangan(request.user, opd) for _p, opd, t in penanda_tangan
    )
    versi = Sla.objects.filter(seri=sla.seri).order_by("-versi").only("pk", "versi", "status", "berlaku_pada")
    context = {
        "sla": sla,
        "penerima": list(sla.penerima.order_by("urutan", "kode")),
        "penanda_tangan": penanda_tangan,
        "bisa_ubah": access.can(request.user, access.CHANGE, sla),
        "bisa_ttd": bisa_ttd,
        "versi": list(versi),
        "bisa_ajukan_permohonan": selectors.sla_untuk_pemohon(request.user).filter(pk=sla.pk).exists(),
    }
    return render(request, "sla/sla_detail.html", context)


def _aksi_sla(request, pk, layanan, pesan, *, action=access.CHANGE):
    sla = access.get_visible_or_404(Sla.objects.all(), request.user, action, pk=pk)
    try:
        hasil = layanan(user=request.user, sla=sla)
    except ValidationError as exc:
        _pesan_galat(request, exc)
        return redirect("sla-detail", sla.pk)
    messages.success(request, pesan)
    return redirect("sla-detail", getattr(hasil, "sla_id", None) or hasil.pk)


@require_POST
def sla_ajukan(request, pk):
    return _aksi_sla(
        request, pk, services.ajukan_sla, _("SLA diajukan; kepala perangkat daerah diminta menandatangani.")
    )


@require_POST
def sla_tarik(request, pk):
    return _aksi_sla(request, pk, services.tarik_sla, _("SLA dikembalikan menjadi draf."))


@require_POST
def sla_tandatangan(request, pk):
    return _aksi_sla(
        request, pk, services.tandatangani_sla, _("SLA telah Anda tandatangani."), action=access.VIEW
    )


@require_POST
def sla_amandemen(request, pk):
    return _aksi_sla(
        request, pk, services.buat_amandemen, _("Versi baru dibuat sebagai draf; ubah lalu ajukan.")
    )


@require_GET
def sla_dokumen(request, pk):
    """The signed SLA as PDF; rendered by a worker, so the first visit may have to wait a moment."""
    from sla.tasks import buat_dokumen_sla

    _perlu(request.user, access.VIEW, Sla)
    sla = access.get_visible_or_404(Sla.objects.select_related("layanan"), request.user, pk=pk)
    if sla.status not in (StatusSla.BERLAKU, StatusSla.DIGANTI):
        raise Http404
    if sla.dokumen:
        nama = f"{sla.nomor.replace('/', '-')}-v{sla.versi}.pdf"
        return FileResponse(
            sla.dokumen.open("rb"), as_attachment=True, filename=nama, content_type="application/pdf"
        )
    # Not written yet (its worker is behind, or Redis was down when it was signed): ask again. A second
    # message is harmless (simpan_dokumen_sla keeps a document already made); with Redis down the page
    # still answers and says so, and the next visit asks again.
    antrean_ok = antre(buat_dokumen_sla, sla.pk)
    return render(request, "sla/dokumen_menunggu.html", {"sla": sla, "antrean_ok": antrean_ok}, status=202)


@require_http_methods(["GET", "HEAD", "POST"])
def layanan_list(request):
    _perlu(request.user, access.VIEW, Layanan)
    bisa_tambah = access.can_any(request.user, access.ADD, Layanan)
    form = forms.LayananForm(request.POST or None, user=request.user) if bisa_tambah else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.simpan_layanan(user=request.user, layanan=form.save(commit=False))
            except ValidationError as exc:
                _galat_ke_form(form, exc)
            else:
                messages.success(request, _("Layanan ditambahkan ke katalog."))
                return redirect("sla-layanan")
    layanan = (
        Layanan.objects.visible_to(request.user)
        .select_related("penyedia")
        .annotate(jumlah_sla=Count("sla"))
        .order_by("penyedia__urutan", "penyedia__kode", "nama")
    )
    page = Paginator(layanan, 100).get_page(request.GET.get("page"))
    kelola = set(forms.opd_kelolaan(request.user).values_list("pk", flat=True)) if bisa_tambah else set()
    return render(request, "sla/layanan_list.html", {"page": page, "form": form, "kelola": kelola})


@require_http_methods(["GET", "HEAD", "POST"])
def layanan_ubah(request, pk):
    _perlu(request.user, access.CHANGE, Layanan)
    layanan = access.get_visible_or_404(Layanan.objects.all(), request.user, access.CHANGE, pk=pk)
    form = forms.LayananForm(request.POST or None, instance=layanan, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_layanan(user=request.user, layanan=form.save(commit=False))
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Layanan tersimpan."))
            return redirect("sla-layanan")
    return render(request, "sla/layanan_form.html", {"form": form, "layanan": layanan})


# ---------------------------------------------------------------------------------------------------------
# Service requests
# ---------------------------------------------------------------------------------------------------------
@require_GET
def permohonan_list(request):
    _perlu(request.user, access.VIEW, Permohonan)
    filterset = PermohonanFilter(
        request.GET or None, queryset=selectors.permohonan_list(request.user), request=request
    )
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page": page,
        "query": query.urlencode(),
        "now": timezone.now(),
        "bisa_ajukan": bool(access.roles_of(request.user).opd_ids),
    }
    if request.headers.get("HX-Request"):
        return render(request, "sla/_permohonan_table.html", context)
    return render(request, "sla/permohonan_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def permohonan_tambah(request):
    if not access.roles_of(request.user).opd_ids or not access.can_any(request.user, access.ADD, Permohonan):
        raise PermissionDenied
    sla_qs = selectors.sla_untuk_pemohon(request.user)
    initial = {"sla": request.GET.get("sla")} if request.GET.get("sla", "").isdigit() else {}
    form = forms.PermohonanForm(
        request.POST or None, request.FILES or None, user=request.user, sla_qs=sla_qs, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            permohonan = services.ajukan_permohonan(
                user=request.user, sla=data["sla"], pemohon=data["pemohon"], perihal=data["perihal"],
                uraian=data["uraian"], lampiran=data["lampiran"],
            )  # fmt: skip
        except ValidationError as exc:
            _galat_ke_form(form, exc)
        else:
            messages.success(request, _("Permohonan %(nomor)s diajukan.") % {"nomor": permohonan.nomor})
            return redirect("sla-permohonan-detail", permohonan.pk)
    return render(request, "sla/permohonan_form.html", {"form": form, "ada_sla": sla_qs.exists()})


def _detail_context(request, permohonan, **forms_terikat):
    aksi = services.aksi_tersedia(request.user, permohonan)
    formulir = {
        nama: forms_terikat.get(nama) or cls(prefix=nama)
        for nama, cls in forms.FORM_AKSI.items()
        if nama in aksi
    }
    return {
        "p": permohonan,
        "aksi": aksi,
        "formulir": formulir,
        "jam": tenggat_berjalan(permohonan),
        "peristiwa": permohonan.peristiwa.select_related("oleh").prefetch_related("lampiran"),
        "jeda": permohonan.jeda.all(),
        "pihak_penyedia": peran_di(request.user, permohonan.penyedia_id),
    }


def _permohonan(request, pk, action=access.VIEW):
    _perlu(request.user, action, Permohonan)
    return access.get_visible_or_404(
        Permohonan.objects.select_related(
            "sla", "sla__layanan", "penyedia", "pemohon", "diajukan_oleh", "diterima_oleh"
        ).prefetch_related(Prefetch("lampiran", queryset=Lampiran.objects.order_by("diunggah_pada"))),
        request.user,
        action,
        pk=pk,
    )


@require_GET
def permohonan_detail(request, pk):
    permohonan = _permohonan(request, pk)
    return render(request, "sla/permohonan_detail.html", _detail_context(request, permohonan))


AKSI = {
    "terima": (services.terima_permohonan, lambda d: {}, _l("Permohonan diterima; waktu layanan berjalan.")),
    "kelengkapan": (services.minta_kelengkapan, lambda d: {"kekurangan": d["kekurangan"]},
                    _l("Pemohon diminta melengkapi persyaratan; waktu layanan dijeda.")),
    "lengkapi": (services.lengkapi_permohonan, lambda d: {"catatan": d["catatan"], "lampiran": d["lampiran"]},
                 _l("Kelengkapan dikirim ke penyedia.")),
    "selesaikan": (services.selesaikan_permohonan, lambda d: {"hasil": d["hasil"], "lampiran": d["lampiran"]},
                   _l("Permohonan selesai.")),
    "tolak": (services.tolak_permohonan, lambda d: {"alasan": d["alasan"]}, _l("Permohonan ditolak.")),
    "batalkan": (services.batalkan_permohonan, lambda d: {"alasan": d["alasan"]},
                 _l("Permohonan dibatalkan.")),
}  # fmt: skip


@require_POST
def permohonan_aksi(request, pk, aksi):
    if aksi not in AKSI:
        raise Http404
    permohonan = _permohonan(request, pk, access.CHANGE)
    layanan, argumen, pesan = AKSI[aksi]
    form = None
    if aksi in forms.FORM_AKSI:
        form = forms.FORM_AKSI[aksi](request.POST, request.FILES, prefix=aksi)
        if not form.is_valid():
            context = _detail_context(request, permohonan, **{aksi: form})
            return render(request, "sla/permohonan_detail.html", context, status=400)
    try:
        layanan(user=request.user, permohonan=permohonan, **argumen(form.cleaned_data if form else {}))
    except ValidationError as exc:
        if form is not None:
            _galat_ke_form(form, exc)
            context = _detail_context(request, permohonan, **{aksi: form})
            return render(request, "sla/permohonan_detail.html", context, status=400)
        _pesan_galat(request, exc)
    else:
        messages.success(request, pesan)
    return redirect("sla-permohonan-detail", permohonan.pk)


@require_GET
def lampiran_unduh(request, pk):
    _perlu(request.user, access.VIEW, Lampiran)
    return unduh_terlihat(request, Lampiran.objects.all(), nama=lambda lp: lp.nama_asli, lampiran=True, pk=pk)


# ---------------------------------------------------------------------------------------------------------
# Compliance, reports, calendar
# ---------------------------------------------------------------------------------------------------------
def _periode(request):
    form = forms.PeriodeForm(request.GET or {"tahun": timezone.localdate().year})
    return form, *form.periode()


@require_GET
def kepatuhan(request):
    _perlu(request.user, access.VIEW, Permohonan)
    form, tahun, triwulan = _periode(request)
    global_ = access.has_role(request.user, *selectors.PERAN_LIHAT_SEMUA)
    context = {
        "form": form,
        "tahun": tahun,
        "triwulan": triwulan,
        "global": global_,
        "ringkasan": selectors.ringkasan_kepatuhan(request.user, tahun=tahun, triwulan=triwulan),
        "per_opd": selectors.kepatuhan_per_opd(request.user, tahun=tahun, triwulan=triwulan)
        if global_
        else None,
        "per_sla": selectors.kepatuhan_per_sla(request.user, tahun=tahun, triwulan=triwulan),
        "per_bulan": selectors.kepatuhan_per_bulan(request.user, tahun=tahun),
        # The PDF is asked for through the shared report flow (/laporan/, sipd.laporan): its jobs here.
        "jenis_laporan": reports.KODE,
        "laporan": PekerjaanLaporan.objects.filter(diminta_oleh=request.user, jenis=reports.KODE)[:5],
    }
    return render(request, "sla/kepatuhan.html", context)


@require_GET
def kepatuhan_xlsx(request):
    _perlu(request.user, access.VIEW, Permohonan)
    _form, tahun, triwulan = _periode(request)
    isi = reports.kepatuhan_xlsx(request.user, tahun=tahun, triwulan=triwulan)
    response = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    nama = f"kepatuhan-sla-{tahun}" + (f"-tw{triwulan}" if triwulan else "")
    response["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def kalender(request):
    _perlu(request.user, access.VIEW, LiburDaerah)
    bisa_ubah = access.can_any(request.user, access.ADD, LiburDaerah)
    form = forms.LiburForm(request.POST or None) if bisa_ubah else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.simpan_libur(user=request.user, libur=form.save(commit=False))
            except ValidationError as exc:
                _galat_ke_form(form, exc)
            else:
                messages.success(request, _("Libur daerah ditambahkan."))
                return redirect(f"{request.path}?tahun={form.instance.tanggal.year}")
    tahun = request.GET.get("tahun", "")
    tahun = int(tahun) if tahun.isdigit() and 2000 <= int(tahun) <= 2100 else timezone.localdate().year
    kalender_kerja = selectors.kalender_kerja()
    context = {
        "form": form,
        "tahun": tahun,
        "libur": selectors.hari_libur(tahun),
        "jam_kerja": sorted(kalender_kerja.jam_kerja.items()),
        "bisa_ubah": bisa_ubah,
    }
    return render(request, "sla/kalender.html", context)


@require_POST
def libur_hapus(request, pk):
    libur = access.get_visible_or_404(LiburDaerah.objects.all(), request.user, access.DELETE, pk=pk)
    tahun = libur.tanggal.year
    services.hapus_libur(user=request.user, libur=libur)
    messages.success(request, _("Libur daerah dihapus."))
    return redirect(f"{redirect('sla-kalender').url}?tahun={tahun}")
