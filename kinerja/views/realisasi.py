"""Isi Realisasi: the grid with in-place saves, evidence, the workflow, Bappeda's review and monitoring."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kinerja.choices import StatusPelaporan, Triwulan
from kinerja.forms_realisasi import BukaKunciForm, JadwalForm
from kinerja.models import (
    BuktiDukung,
    Indikator,
    JadwalTriwulan,
    Nomenklatur,
    PelaporanTriwulan,
    Realisasi,
)
from kinerja.selectors import realisasi as selectors
from kinerja.services import realisasi as services
from opd.models import Opd
from sipd import access
from sipd.uploads import unduh_terlihat

LABEL_TEKS = {
    "faktor_pendorong": gettext_lazy("Faktor pendorong"),
    "faktor_penghambat": gettext_lazy("Faktor penghambat"),
    "tindak_lanjut": gettext_lazy("Tindak lanjut"),
}


def _pesan(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def triwulan_bawaan(today: datetime.date | None = None) -> tuple[int, int]:
    """The triwulan being reported now: the latest open entry window, else the last finished quarter."""
    today = today or timezone.localdate()
    jadwal = JadwalTriwulan.objects.filter(mulai__lte=today).order_by("-tahun", "-triwulan").first()
    if jadwal:
        return jadwal.tahun, jadwal.triwulan
    tw = (today.month - 1) // 3
    return (today.year, tw) if tw else (today.year - 1, 4)


def _opd_terlihat(user, opd_id: int) -> Opd:
    if not access.can_any(user, access.VIEW, PelaporanTriwulan):
        raise PermissionDenied
    if not access.can_for_opd(user, access.VIEW, PelaporanTriwulan, opd_id):
        raise Http404
    return get_object_or_404(Opd, pk=opd_id)


def _boleh_isi(user, opd_id: int) -> bool:
    return access.can_for_opd(user, access.CHANGE, Realisasi, opd_id)


@require_GET
def realisasi_index(request):
    """OPD staff go straight to their grid; Bappeda and leaders to the monitoring list."""
    if not access.can_any(request.user, access.VIEW, PelaporanTriwulan):
        raise PermissionDenied
    tahun, triwulan = triwulan_bawaan()
    opd_ids = sorted(access.roles_of(request.user).opd_ids)
    if opd_ids and not access.roles_of(request.user).global_roles:
        return redirect("realisasi-grid", opd=opd_ids[0], tahun=tahun, triwulan=triwulan)
    return redirect(f"{reverse('pemantauan')}?tahun={tahun}&triwulan={triwulan}")


def _konteks_grid(request, opd: Opd, tahun: int, triwulan: int, indikator_id: int | None = None) -> dict:
    data = selectors.grid(opd=opd, tahun=tahun, triwulan=triwulan, indikator_id=indikator_id)
    user = request.user
    bisa_isi = data.status.boleh and _boleh_isi(user, opd.pk)
    return {
        "g": data,
        "bisa_isi": bisa_isi,
        "bisa_ajukan": data.status.boleh and services.boleh_mengajukan(user, opd.pk),
        "bisa_verifikasi": access.can(user, "verifikasi", data.pelaporan)
        and data.pelaporan.status == StatusPelaporan.DIAJUKAN,
        "triwulan_pilihan": Triwulan.choices,
        "tahun_pilihan": list(data.periode.tahun) if data.periode else [tahun],
        "opd_pilihan": sorted(access.roles_of(user).opd_ids)
        if not access.roles_of(user).global_roles
        else [],
        "tw_sebelumnya": range(1, triwulan),
    }


@require_GET
def realisasi_grid(request, opd: int, tahun: int, triwulan: int):
    if triwulan not in (1, 2, 3, 4):
        raise Http404
    opd_obj = _opd_terlihat(request.user, opd)
    return render(request, "kinerja/realisasi/grid.html", _konteks_grid(request, opd_obj, tahun, triwulan))


@require_GET
def realisasi_rinci(request, opd: int, tahun: int, triwulan: int, indikator: int):
    """The narrative and evidence of one grid row, loaded when the row's details are opened."""
    if triwulan not in (1, 2, 3, 4):
        raise Http404
    opd_obj = _opd_terlihat(request.user, opd)
    konteks = _konteks_grid(request, opd_obj, tahun, triwulan, indikator_id=indikator)
    baris = next((b for k in konteks["g"].kelompok for b in k.baris), None)
    if baris is None:
        raise Http404
    return render(request, "kinerja/realisasi/_rinci.html", {**konteks, "b": baris})


def _indikator_untuk_ubah(request) -> Indikator:
    try:
        pk = int(request.POST.get("indikator", ""))
    except ValueError:
        raise Http404 from None
    return access.get_visible_or_404(Indikator.objects.select_related("periode"), request.user, pk=pk)


def _tahun_tw(request) -> tuple[int, int]:
    try:
        return int(request.POST["tahun"]), int(request.POST["triwulan"])
    except (KeyError, ValueError):
        raise Http404 from None


@require_POST
def simpan_sel(request):
    """One cell saved in place (htmx): the partial comes back with the saved value, an error or a conflict."""
    indikator = _indikator_untuk_ubah(request)
    tahun, triwulan = _tahun_tw(request)
    kolom = request.POST.get("kolom", "")
    nilai, asal = request.POST.get("nilai", ""), request.POST.get("asal", "")
    konteks = {"indikator": indikator, "tahun": tahun, "triwulan": triwulan, "kolom": kolom, "bisa_isi": True}
    status = 200
    try:
        realisasi = services.simpan_realisasi(
            user=request.user, indikator=indikator, tahun=tahun, triwulan=triwulan, kolom=kolom, nilai=nilai,
            asal=asal,
        )  # fmt: skip
        konteks.update(nilai=getattr(realisasi, kolom), tersimpan=True)
    except services.Konflik as exc:
        konteks.update(nilai=nilai, konflik=True, sekarang=exc.sekarang, asal_baru=exc.sekarang)
        status = 409
    except ValidationError as exc:
        konteks.update(nilai=nilai, galat=_pesan(exc), mentah=True, asal_lama=asal)
        status = 422
    konteks["label"] = LABEL_TEKS.get(kolom, "")
    template = "kinerja/realisasi/_sel_nilai.html" if kolom == "nilai" else "kinerja/realisasi/_sel_teks.html"
    return render(request, template, konteks, status=status)


@require_POST
def simpan_anggaran(request):
    try:
        nomenklatur = access.get_visible_or_404(
            Nomenklatur.objects.all(), request.user, pk=int(request.POST.get("nomenklatur", ""))
        )
    except ValueError:
        raise Http404 from None
    tahun, triwulan = _tahun_tw(request)
    nilai, asal = request.POST.get("nilai", ""), request.POST.get("asal", "")
    konteks = {"nomenklatur": nomenklatur, "tahun": tahun, "triwulan": triwulan, "bisa_isi": True}
    status = 200
    try:
        baris = services.simpan_anggaran(
            user=request.user, nomenklatur=nomenklatur, tahun=tahun, triwulan=triwulan, nilai=nilai, asal=asal
        )
        konteks.update(nilai=baris.nilai, tersimpan=True)
    except services.Konflik as exc:
        konteks.update(nilai=nilai, konflik=True, sekarang=exc.sekarang, asal_baru=exc.sekarang)
        status = 409
    except ValidationError as exc:
        konteks.update(nilai=nilai, galat=_pesan(exc), mentah=True, asal_lama=asal)
        status = 422
    return render(request, "kinerja/realisasi/_sel_anggaran.html", konteks, status=status)


def _daftar_bukti(request, indikator, tahun, triwulan, *, galat="", status=200):
    realisasi = Realisasi.objects.filter(indikator=indikator, tahun=tahun, triwulan=triwulan).first()
    bukti = list(realisasi.bukti.all()) if realisasi else []
    return render(
        request,
        "kinerja/realisasi/_bukti.html",
        {"indikator": indikator, "tahun": tahun, "triwulan": triwulan, "bukti": bukti, "galat": galat,
         "bisa_isi": True},
        status=status,
    )  # fmt: skip


@require_POST
def unggah_bukti(request):
    indikator = _indikator_untuk_ubah(request)
    tahun, triwulan = _tahun_tw(request)
    berkas = request.FILES.get("berkas")
    if berkas is None:
        return _daftar_bukti(request, indikator, tahun, triwulan, galat=_("Pilih berkas dulu."), status=422)
    try:
        services.unggah_bukti(
            user=request.user, indikator=indikator, tahun=tahun, triwulan=triwulan, berkas=berkas
        )
    except ValidationError as exc:
        return _daftar_bukti(request, indikator, tahun, triwulan, galat=_pesan(exc), status=422)
    return _daftar_bukti(request, indikator, tahun, triwulan)


@require_POST
def hapus_bukti(request, token: str):
    bukti = access.get_visible_or_404(
        BuktiDukung.objects.select_related("realisasi__indikator"), request.user, token=token
    )
    r = bukti.realisasi
    try:
        services.hapus_bukti(user=request.user, bukti=bukti)
    except ValidationError as exc:
        return _daftar_bukti(request, r.indikator, r.tahun, r.triwulan, galat=_pesan(exc), status=422)
    return _daftar_bukti(request, r.indikator, r.tahun, r.triwulan)


@require_GET
def unduh_bukti(request, token: str):
    return unduh_terlihat(request, BuktiDukung.objects.all(), nama=lambda b: b.nama_asli, token=token)


def _url_grid(pelaporan) -> str:
    return reverse("realisasi-grid", args=[pelaporan.opd_id, pelaporan.tahun, pelaporan.triwulan])


@require_POST
def ajukan(request, opd: int, tahun: int, triwulan: int):
    opd_obj = _opd_terlihat(request.user, opd)
    url = reverse("realisasi-grid", args=[opd, tahun, triwulan])
    try:
        services.ajukan(user=request.user, opd=opd_obj, tahun=tahun, triwulan=triwulan, tautan=url)
        messages.success(request, _("Laporan diajukan ke Bappeda untuk diverifikasi."))
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
    return redirect(url)


@require_GET
def tinjau(request, pk: int):
    """Bappeda's review: the grid read-only, a comment box per indicator, verify or return."""
    pelaporan = access.get_visible_or_404(
        PelaporanTriwulan.objects.select_related("opd"), request.user, pk=pk
    )
    konteks = _konteks_grid(request, pelaporan.opd, pelaporan.tahun, pelaporan.triwulan)
    konteks["bisa_isi"] = False
    konteks["tinjau"] = True
    return render(request, "kinerja/realisasi/grid.html", konteks)


@require_POST
def putuskan(request, pk: int):
    pelaporan = access.get_visible_or_404(PelaporanTriwulan.objects.all(), request.user, "verifikasi", pk=pk)
    tautan = _url_grid(pelaporan)
    try:
        if request.POST.get("keputusan") == "verifikasi":
            services.verifikasi(user=request.user, pelaporan=pelaporan, tautan=tautan)
            messages.success(request, _("Laporan diverifikasi."))
        else:
            catatan = {
                key.removeprefix("catatan-"): value
                for key, value in request.POST.items()
                if key.startswith("catatan-") and key.removeprefix("catatan-").isdigit()
            }
            services.kembalikan(
                user=request.user, pelaporan=pelaporan, catatan=catatan,
                catatan_umum=request.POST.get("catatan_umum", ""), tautan=tautan,
            )  # fmt: skip
            messages.success(request, _("Laporan dikembalikan ke OPD dengan catatan."))
    except ValidationError as exc:
        messages.error(request, _pesan(exc))
        return redirect("pelaporan-tinjau", pk=pelaporan.pk)
    return redirect(f"{reverse('pemantauan')}?tahun={pelaporan.tahun}&triwulan={pelaporan.triwulan}")


def _pilih_tahun_tw(request) -> tuple[int, int]:
    bawaan = triwulan_bawaan()
    try:
        tahun = int(request.GET.get("tahun", bawaan[0]))
        triwulan = int(request.GET.get("triwulan", bawaan[1]))
    except ValueError:
        return bawaan
    return (tahun, triwulan) if triwulan in (1, 2, 3, 4) and 2000 <= tahun <= 2100 else bawaan


@require_GET
def pemantauan(request):
    """Completeness and workflow status of every OPD for a triwulan; late OPDs first."""
    if not access.can_any(request.user, "verifikasi", PelaporanTriwulan) and not access.has_role(
        request.user, "pimpinan"
    ):
        raise PermissionDenied
    tahun, triwulan = _pilih_tahun_tw(request)
    rows, jadwal = selectors.daftar_pemantauan(tahun=tahun, triwulan=triwulan, opd_qs=Opd.objects.all())
    if request.GET.get("urut") != "kode":
        rows.sort(
            key=lambda r: (not r.terlambat, r.status == StatusPelaporan.DIVERIFIKASI, r.persen_terisi or 0)
        )
    ringkas = {s: sum(1 for r in rows if r.status == s) for s in StatusPelaporan.values}
    return render(
        request,
        "kinerja/realisasi/pemantauan.html",
        {
            "rows": rows, "jadwal": jadwal, "tahun": tahun, "triwulan": triwulan, "ringkas": ringkas,
            "terlambat": sum(r.terlambat for r in rows), "triwulan_pilihan": Triwulan.choices,
            "bisa_verifikasi": access.can_any(request.user, "verifikasi", PelaporanTriwulan),
        },
    )  # fmt: skip


def _jadwal_tahun(tahun: int):
    jadwal = JadwalTriwulan.objects.filter(tahun=tahun).prefetch_related(
        "buka_kunci__oleh", "buka_kunci__opd"
    )
    return {j.triwulan: j for j in jadwal}


def jadwal(request):
    """Bappeda sets entry windows per triwulan, locks and records unlocks."""
    if not access.can_any(request.user, access.CHANGE, JadwalTriwulan):
        raise PermissionDenied
    tahun, _tw = _pilih_tahun_tw(request)
    form = JadwalForm(request.POST or None)
    buka_form = BukaKunciForm(request.POST or None, prefix="buka")
    if request.method == "POST":
        aksi = request.POST.get("aksi")
        try:
            if aksi == "jadwal" and form.is_valid():
                services.atur_jadwal(user=request.user, tahun=tahun, **form.cleaned_data)
                messages.success(request, _("Jadwal pengisian disimpan."))
                return redirect(f"{request.path}?tahun={tahun}")
            if aksi in ("kunci", "buka_semua"):
                obj = get_object_or_404(JadwalTriwulan, pk=request.POST.get("jadwal"))
                services.kunci(user=request.user, jadwal=obj, terkunci=aksi == "kunci")
                messages.success(request, _("Periode dikunci.") if aksi == "kunci" else _("Kunci dibuka."))
                return redirect(f"{request.path}?tahun={tahun}")
            if aksi == "jadwal":
                messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            if aksi == "buka" and buka_form.is_valid():
                obj = get_object_or_404(JadwalTriwulan, pk=request.POST.get("jadwal"))
                services.buka_kunci(user=request.user, jadwal=obj, **buka_form.cleaned_data)
                messages.success(request, _("Kunci dibuka sementara dan dicatat."))
                return redirect(f"{request.path}?tahun={tahun}")
        except ValidationError as exc:
            messages.error(request, _pesan(exc))
    per_tw = _jadwal_tahun(tahun)
    return render(
        request,
        "kinerja/realisasi/jadwal.html",
        {"tahun": tahun, "form": form, "buka_form": buka_form,
         "daftar": [(tw, label, per_tw.get(tw)) for tw, label in Triwulan.choices]},
    )  # fmt: skip
