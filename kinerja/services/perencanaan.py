"""Writes on the planning tree: RPJMD and Renstra nodes, nomenclature with pagu, indicators and targets.

Rules kept here (views and API call these, never the models):
- Bappeda (and Admin) keep the plan; a Kepala OPD edits the nodes and targets of the own Renstra only while
  that Renstra is a draft; an Operator OPD changes no plan data.
- Once the governing plan (RPJMD for tujuan/sasaran indicators, the OPD's Renstra otherwise) is approved,
  a target change is a revision with a reason (`RevisiTarget`), and nodes are no longer deleted.
- Nomenclature codes follow Permendagri 90/2019: segments validated, the sub kegiatan length matches the
  nomenclature version, a child code extends its parent's, and the OPD carries the urusan (X.XX: all OPDs).
"""

from __future__ import annotations

from decimal import Decimal

import pghistory
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.choices import JenisPerubahan, StatusRencana, Tingkat, VersiNomenklatur
from kinerja.models import (
    ArahKebijakan,
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Renstra,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Strategi,
    Target,
    Tujuan,
    TujuanPd,
)
from kinerja.services.skor import jadwalkan_hitung_ulang
from kinerja.validators import urai_kode
from opd.models import Opd, PenugasanPeran
from sipd import access
from sipd.notifications import kirim_notifikasi
from sipd.roles import Peran

PENGELOLA = (Peran.ADMIN, Peran.BAPPEDA)
KOLOM_TW = ("tw1", "tw2", "tw3", "tw4")

# Each statement of the tree: its model, the parent model and the field that points to it.
BUTIR = {
    "misi": (Misi, PeriodeRpjmd, "periode"),
    "tujuan": (Tujuan, Misi, "misi"),
    "sasaran": (Sasaran, Tujuan, "tujuan"),
    "strategi": (Strategi, Sasaran, "sasaran"),
    "arah_kebijakan": (ArahKebijakan, Strategi, "strategi"),
    "tujuan_pd": (TujuanPd, Renstra, "renstra"),
    "sasaran_pd": (SasaranPd, TujuanPd, "tujuan"),
}
JENIS_BUTIR = {model: jenis for jenis, (model, _induk, _field) in BUTIR.items()}


# --- the plan a node belongs to --------------------------------------------------------------------------


def periode_butir(obj: Model) -> PeriodeRpjmd:
    """The RPJMD period of any node of the tree."""
    if isinstance(obj, PeriodeRpjmd):
        return obj
    if isinstance(obj, Renstra | Nomenklatur | Indikator | Misi):
        return obj.periode
    if isinstance(obj, Pagu):
        return obj.nomenklatur.periode
    if isinstance(obj, Target):
        return obj.indikator.periode
    parent_field = BUTIR[JENIS_BUTIR[type(obj)]][2]
    return periode_butir(getattr(obj, parent_field))


def renstra_butir(obj: Model) -> Renstra | None:
    """The Renstra a Renstra node belongs to, read fresh from the database; None for RPJMD nodes."""
    if isinstance(obj, Renstra):
        return Renstra.objects.filter(pk=obj.pk).select_related("opd").first()
    if isinstance(obj, TujuanPd):
        return Renstra.objects.filter(pk=obj.renstra_id).select_related("opd").first()
    if isinstance(obj, SasaranPd):
        return Renstra.objects.filter(tujuan=obj.tujuan_id).select_related("opd").first()
    if isinstance(obj, Nomenklatur):
        return (
            Renstra.objects.filter(periode_id=obj.periode_id, opd_id=obj.opd_id).select_related("opd").first()
        )
    if isinstance(obj, Indikator):
        if obj.tujuan_pd_id:
            return Renstra.objects.filter(tujuan=obj.tujuan_pd_id).select_related("opd").first()
        if obj.sasaran_pd_id:
            return Renstra.objects.filter(tujuan__sasaran=obj.sasaran_pd_id).select_related("opd").first()
        if obj.nomenklatur_id:
            return renstra_butir(obj.nomenklatur)
    return None


def rencana_indikator(indikator: Indikator) -> PeriodeRpjmd | Renstra:
    """The plan whose approval freezes this indicator's targets: its Renstra, else the RPJMD (read fresh)."""
    return renstra_butir(indikator) or PeriodeRpjmd.objects.get(pk=indikator.periode_id)


def sudah_disetujui(rencana: PeriodeRpjmd | Renstra | None) -> bool:
    return rencana is not None and rencana.status == StatusRencana.DISETUJUI


def _pengelola(user) -> bool:
    return access.has_role(user, *PENGELOLA)


def wajib_boleh_ubah(user, action: str, obj: Model) -> None:
    """The access layer's check, then: a Kepala OPD edits the own Renstra only while it is a draft."""
    access.require(user, action, obj)
    if _pengelola(user):
        return
    renstra = renstra_butir(obj)
    if renstra is None:
        raise PermissionDenied(_("Bagian RPJMD hanya diubah oleh Bappeda."))
    if sudah_disetujui(renstra):
        raise PermissionDenied(
            _("Renstra sudah disetujui: perubahan hanya dapat dilakukan Bappeda sebagai revisi.")
        )


def _simpan(obj: Model, exclude=()) -> Model:
    obj.full_clean(exclude=list(exclude))
    obj.save()
    return obj


def _teks(value) -> str:
    return (value or "").strip()


# --- RPJMD period -----------------------------------------------------------------------------------------


@transaction.atomic
def buat_periode(*, user, nama: str, tahun_awal: int, visi: str, dasar_hukum: str = "") -> PeriodeRpjmd:
    periode = PeriodeRpjmd(
        nama=_teks(nama), tahun_awal=tahun_awal, tahun_akhir=tahun_awal + 4, visi=_teks(visi),
        dasar_hukum=_teks(dasar_hukum),
    )  # fmt: skip
    access.require(user, access.ADD, periode)
    return _simpan(periode)


@transaction.atomic
def ubah_periode(*, user, periode: PeriodeRpjmd, nama: str, visi: str, dasar_hukum: str = "") -> PeriodeRpjmd:
    wajib_boleh_ubah(user, access.CHANGE, periode)
    periode.nama, periode.visi, periode.dasar_hukum = _teks(nama), _teks(visi), _teks(dasar_hukum)
    return _simpan(periode)


def _indikator_tanpa_target(indikator_qs) -> list[Indikator]:
    """Indicators missing a target for some year of their period."""
    return [
        ind
        for ind in indikator_qs.select_related("periode").prefetch_related("target")
        if {t.tahun for t in ind.target.all()} != set(ind.periode.tahun)
    ]


def _pastikan_target_lengkap(indikator_qs) -> None:
    kurang = _indikator_tanpa_target(indikator_qs)
    if kurang:
        contoh = ", ".join(ind.kode for ind in kurang[:5])
        raise ValidationError(
            _("%(n)s indikator belum memiliki target untuk setiap tahun periode (%(contoh)s).")
            % {"n": len(kurang), "contoh": contoh},
            code="target_belum_lengkap",
        )


@transaction.atomic
def setujui_rpjmd(*, user, periode: PeriodeRpjmd) -> PeriodeRpjmd:
    """Approve the RPJMD: from now on its targets change only as recorded revisions."""
    if not _pengelola(user):
        access.require(user, access.VIEW, periode)
        raise PermissionDenied(_("Hanya Bappeda yang menyetujui RPJMD."))
    access.require(user, access.CHANGE, periode)
    periode = PeriodeRpjmd.objects.select_for_update().get(pk=periode.pk)
    if sudah_disetujui(periode):
        raise ValidationError(_("RPJMD ini sudah disetujui."), code="sudah_disetujui")
    if not Sasaran.objects.filter(tujuan__misi__periode=periode).exists():
        raise ValidationError(_("RPJMD belum memiliki sasaran."), code="kosong")
    _pastikan_target_lengkap(
        Indikator.objects.filter(Q(tujuan__isnull=False) | Q(sasaran__isnull=False), periode=periode)
    )
    periode.status, periode.disetujui_pada = StatusRencana.DISETUJUI, timezone.now()
    periode.save(update_fields=["status", "disetujui_pada"])
    return periode


# --- RPJMD and Renstra statements -------------------------------------------------------------------------


def _periksa_butir(butir: Model) -> None:
    if (
        isinstance(butir, SasaranPd)
        and butir.sasaran_rpjmd_id
        and periode_butir(butir.sasaran_rpjmd).pk != periode_butir(butir.tujuan).pk
    ):
        pesan = _("Sasaran RPJMD harus dari periode yang sama dengan Renstra.")
        raise ValidationError({"sasaran_rpjmd": pesan})


@transaction.atomic
def buat_butir(*, user, jenis: str, induk: Model, nomor: str, uraian: str, urutan: int = 0, **lain) -> Model:
    """A misi, tujuan, sasaran, strategi, arah kebijakan, tujuan PD or sasaran PD under `induk`."""
    model, model_induk, field = BUTIR[jenis]
    if not isinstance(induk, model_induk):
        raise ValidationError(_("Induk tidak sesuai untuk %(jenis)s.") % {"jenis": model._meta.verbose_name})
    butir = model(**{field: induk}, nomor=_teks(nomor), uraian=_teks(uraian), urutan=urutan or 0, **lain)
    if _pengelola(user):
        access.require(user, access.ADD, butir)
    else:
        access.require(user, access.VIEW, induk)
        raise PermissionDenied(_("Hanya Bappeda yang menambah bagian rencana."))
    _periksa_butir(butir)
    return _simpan(butir)


@transaction.atomic
def ubah_butir(*, user, butir: Model, nomor: str, uraian: str, urutan: int = 0, **lain) -> Model:
    wajib_boleh_ubah(user, access.CHANGE, butir)
    butir.nomor, butir.uraian, butir.urutan = _teks(nomor), _teks(uraian), urutan or 0
    for name, value in lain.items():
        setattr(butir, name, value)
    _periksa_butir(butir)
    return _simpan(butir)


def _pastikan_draf(obj: Model) -> None:
    rencana = renstra_butir(obj) or PeriodeRpjmd.objects.get(pk=periode_butir(obj).pk)
    if sudah_disetujui(rencana):
        raise ValidationError(
            _("Rencana sudah disetujui: bagian rencana tidak dapat dihapus, hanya direvisi."),
            code="sudah_disetujui",
        )


@transaction.atomic
def hapus_butir(*, user, butir: Model) -> None:
    access.require(user, access.DELETE, butir)
    _pastikan_draf(butir)
    if isinstance(butir, Sasaran) and butir.sasaran_pd.exists():
        raise ValidationError(_("Sasaran ini masih didukung sasaran PD; hapus atau pindahkan dahulu."))
    butir.delete()


# --- Renstra ----------------------------------------------------------------------------------------------


@transaction.atomic
def buat_renstra(*, user, periode: PeriodeRpjmd, opd: Opd) -> Renstra:
    renstra = Renstra(periode=periode, opd=opd)
    access.require(user, access.ADD, renstra)
    if not opd.is_perangkat_daerah:
        raise ValidationError({"opd": _("Renstra disusun oleh perangkat daerah, bukan unit di bawahnya.")})
    if Renstra.objects.filter(periode=periode, opd=opd).exists():
        raise ValidationError({"opd": _("%(opd)s sudah memiliki Renstra untuk periode ini.") % {"opd": opd}})
    return _simpan(renstra)


@transaction.atomic
def setujui_renstra(*, user, renstra: Renstra) -> Renstra:
    """Approve an OPD's Renstra (after the RPJMD): from now on its targets change only as revisions."""
    if not _pengelola(user):
        access.require(user, access.VIEW, renstra)
        raise PermissionDenied(_("Hanya Bappeda yang menyetujui Renstra."))
    access.require(user, access.CHANGE, renstra)
    renstra = Renstra.objects.select_for_update().select_related("periode", "opd").get(pk=renstra.pk)
    if sudah_disetujui(renstra):
        raise ValidationError(_("Renstra ini sudah disetujui."), code="sudah_disetujui")
    if not sudah_disetujui(renstra.periode):
        raise ValidationError(_("Setujui RPJMD terlebih dahulu; Renstra diturunkan dari RPJMD."))
    if not SasaranPd.objects.filter(tujuan__renstra=renstra).exists():
        raise ValidationError(_("Renstra belum memiliki sasaran PD."), code="kosong")
    _pastikan_target_lengkap(
        Indikator.objects.filter(tujuan_pd__renstra=renstra)
        | Indikator.objects.filter(sasaran_pd__tujuan__renstra=renstra)
        | Indikator.objects.filter(nomenklatur__periode=renstra.periode, nomenklatur__opd=renstra.opd)
    )
    renstra.status, renstra.disetujui_pada = StatusRencana.DISETUJUI, timezone.now()
    renstra.save(update_fields=["status", "disetujui_pada"])
    kepala = PenugasanPeran.objects.filter(peran=Peran.KEPALA_OPD, opd=renstra.opd).select_related("user")
    kirim_notifikasi(
        penerima=[p.user for p in kepala if p.user.is_active],
        judul=_("Renstra %(opd)s disetujui") % {"opd": renstra.opd.singkatan or renstra.opd.nama},
        pesan=_("Target Renstra kini hanya dapat diubah Bappeda sebagai revisi dengan alasan."),
        tautan=reverse("renstra-detail", args=[renstra.pk]),
    )
    return renstra


# --- Nomenclature (program, kegiatan, sub kegiatan) and pagu ----------------------------------------------

TINGKAT_INDUK = {Tingkat.KEGIATAN: Tingkat.PROGRAM, Tingkat.SUB_KEGIATAN: Tingkat.KEGIATAN}


def urai_nomenklatur(*, kode: str, versi: str, opd: Opd) -> dict[str, str]:
    """Segments and level of a code, checked against the nomenclature version and the OPD's urusan."""
    try:
        segmen = urai_kode(kode)
    except ValidationError as exc:
        raise ValidationError({"kode": exc.messages}) from None
    if (segmen["urusan"] == "X") != (segmen["bidang"] == "XX"):
        raise ValidationError({"kode": _("Program penunjang ditulis X.XX; urusan lain berupa angka.")})
    sub = segmen["sub_kegiatan"]
    if sub and versi == VersiNomenklatur.KEPMENDAGRI_2021 and len(sub) != 2:
        raise ValidationError(
            {
                "kode": _(
                    "Nomenklatur Kepmendagri 050-5889/2021 memakai kode sub kegiatan 2 angka (contoh 01)."
                )
            }
        )
    if sub and versi == VersiNomenklatur.KEPMENDAGRI_2023 and len(sub) != 4:
        raise ValidationError(
            {"kode": _("Nomenklatur Kepmendagri 900.1.15.5-1317/2023 memakai kode sub kegiatan 4 angka "
                       "(contoh 0001).")}
        )  # fmt: skip
    urusan = f"{segmen['urusan']}.{segmen['bidang']}"
    if segmen["urusan"] != "X" and opd.urusan and urusan not in opd.urusan:
        raise ValidationError(
            {"kode": _("Urusan %(urusan)s tidak diampu %(opd)s (urusan: %(daftar)s). Program penunjang X.XX "
                       "dapat dipakai semua perangkat daerah.")
             % {"urusan": urusan, "opd": opd.singkatan or opd.nama, "daftar": ", ".join(opd.urusan)}}
        )  # fmt: skip
    segmen["tingkat"] = (
        Tingkat.SUB_KEGIATAN if sub else Tingkat.KEGIATAN if segmen["kegiatan"] else Tingkat.PROGRAM
    )
    return segmen


def _periksa_tautan_sasaran(nomenklatur: Nomenklatur) -> None:
    if (
        nomenklatur.sasaran_id
        and nomenklatur.sasaran
        and periode_butir(nomenklatur.sasaran).pk != (nomenklatur.periode_id)
    ):
        raise ValidationError({"sasaran": _("Sasaran RPJMD harus dari periode yang sama.")})
    if nomenklatur.sasaran_pd_id:
        renstra = nomenklatur.sasaran_pd.tujuan.renstra
        if (renstra.periode_id, renstra.opd_id) != (nomenklatur.periode_id, nomenklatur.opd_id):
            raise ValidationError({"sasaran_pd": _("Sasaran PD harus dari Renstra OPD yang sama.")})


@transaction.atomic
def buat_nomenklatur(
    *, user, periode: PeriodeRpjmd, opd: Opd, kode: str, nama: str,
    versi: str = VersiNomenklatur.KEPMENDAGRI_2023, sasaran: Sasaran | None = None,
    sasaran_pd: SasaranPd | None = None, urutan: int = 0,
) -> Nomenklatur:  # fmt: skip
    """A program, kegiatan or sub kegiatan; the level and the parent follow from the code."""
    segmen = urai_nomenklatur(kode=kode, versi=versi, opd=opd)
    tingkat = segmen.pop("tingkat")
    kode = Nomenklatur.susun_kode(**segmen)
    induk = None
    if tingkat != Tingkat.PROGRAM:
        kode_induk = kode.rsplit(".", 2 if tingkat == Tingkat.KEGIATAN else 1)[0]
        induk = Nomenklatur.objects.filter(
            periode=periode, opd=opd, tingkat=TINGKAT_INDUK[tingkat], kode=kode_induk
        ).first()
        if induk is None:
            raise ValidationError(
                {"kode": _("Kode %(kode)s harus berada di bawah %(tingkat)s %(induk)s milik OPD ini; "
                           "tambahkan induknya dahulu.")
                 % {"kode": kode, "tingkat": Tingkat(TINGKAT_INDUK[tingkat]).label.lower(),
                    "induk": kode_induk}}
            )  # fmt: skip
        if induk.versi != versi:
            raise ValidationError({"versi": _("Versi nomenklatur harus sama dengan induknya.")})
    nomenklatur = Nomenklatur(
        periode=periode, opd=opd, tingkat=tingkat, induk=induk, kode=kode, versi=versi, nama=_teks(nama),
        sasaran=sasaran, sasaran_pd=sasaran_pd, urutan=urutan or 0, **segmen,
    )  # fmt: skip
    access.require(user, access.ADD, nomenklatur)
    if Nomenklatur.objects.filter(periode=periode, opd=opd, kode=kode).exists():
        raise ValidationError({"kode": _("Kode %(kode)s sudah ada pada OPD ini.") % {"kode": kode}})
    _periksa_tautan_sasaran(nomenklatur)
    return _simpan(nomenklatur)


@transaction.atomic
def ubah_nomenklatur(
    *, user, nomenklatur: Nomenklatur, nama: str, sasaran: Sasaran | None = None,
    sasaran_pd: SasaranPd | None = None, urutan: int = 0,
) -> Nomenklatur:  # fmt: skip
    """Name and links; the code is the row's identity (delete and add again to change it)."""
    access.require(user, access.CHANGE, nomenklatur)
    nomenklatur.nama, nomenklatur.sasaran, nomenklatur.sasaran_pd = _teks(nama), sasaran, sasaran_pd
    nomenklatur.urutan = urutan or 0
    _periksa_tautan_sasaran(nomenklatur)
    return _simpan(nomenklatur)


@transaction.atomic
def hapus_nomenklatur(*, user, nomenklatur: Nomenklatur) -> None:
    access.require(user, access.DELETE, nomenklatur)
    _pastikan_draf(nomenklatur)
    if (
        nomenklatur.realisasi_anggaran.exists()
        or Indikator.objects.filter(
            nomenklatur__in=[nomenklatur.pk, *nomenklatur.anak.values_list("pk", flat=True)],
            realisasi__isnull=False,
        ).exists()
    ):
        raise ValidationError(
            _("Sudah ada realisasi pada %(kode)s; tidak dapat dihapus.") % {"kode": nomenklatur.kode}
        )
    nomenklatur.delete()


@transaction.atomic
def atur_pagu(*, user, nomenklatur: Nomenklatur, tahun: int, jumlah: Decimal | None) -> Pagu | None:
    """Set the pagu (Rp) of one year; None removes it."""
    access.require(user, access.CHANGE, nomenklatur)
    if tahun not in nomenklatur.periode.tahun:
        raise ValidationError(_("Tahun %(tahun)s di luar periode RPJMD.") % {"tahun": tahun})
    if jumlah is None:
        Pagu.objects.filter(nomenklatur=nomenklatur, tahun=tahun).delete()
        return None
    if jumlah < 0:
        raise ValidationError(_("Pagu tidak boleh negatif."))
    pagu = Pagu.objects.filter(nomenklatur=nomenklatur, tahun=tahun).first()
    if pagu is None:
        return _simpan(Pagu(nomenklatur=nomenklatur, tahun=tahun, jumlah=jumlah))
    if pagu.jumlah != jumlah:
        pagu.jumlah = jumlah
        _simpan(pagu)
    return pagu


# --- Indicators and targets -------------------------------------------------------------------------------

SIMPUL_MODEL = {
    Tujuan: "tujuan", Sasaran: "sasaran", TujuanPd: "tujuan_pd", SasaranPd: "sasaran_pd",
    Nomenklatur: "nomenklatur",
}  # fmt: skip
KOLOM_INDIKATOR = (
    "nama", "satuan", "polaritas", "sifat", "kondisi_awal_tahun", "kondisi_awal", "target_akhir",
    "target_akhir_atas", "definisi_operasional", "sumber_data", "iku", "urutan", "opd",
)  # fmt: skip


def _periksa_indikator(indikator: Indikator) -> None:
    errors = {}
    simpul = indikator.tujuan_pd or indikator.sasaran_pd or indikator.nomenklatur
    if simpul is not None:
        opd_id = simpul.opd_id if isinstance(simpul, Nomenklatur) else renstra_butir(simpul).opd_id
        if indikator.opd_id != opd_id:
            errors["opd"] = _("Indikator Renstra dan program dipertanggungjawabkan OPD pemiliknya.")
    periode = indikator.periode
    if indikator.kondisi_awal_tahun and not (periode.tahun_awal - 5 <= indikator.kondisi_awal_tahun
                                             <= periode.tahun_awal):  # fmt: skip
        errors["kondisi_awal_tahun"] = _("Tahun kondisi awal paling lambat %(tahun)s (awal periode).") % {
            "tahun": periode.tahun_awal
        }
    if (indikator.kondisi_awal is None) != (indikator.kondisi_awal_tahun is None):
        errors["kondisi_awal"] = _("Kondisi awal diisi bersama tahunnya.")
    if indikator.target_akhir_atas is not None:
        if indikator.target_akhir is None:
            errors["target_akhir"] = _("Isi batas bawah target akhir periode.")
        elif indikator.target_akhir_atas < indikator.target_akhir:
            errors["target_akhir_atas"] = _("Batas atas tidak boleh lebih kecil dari batas bawah.")
    if errors:
        raise ValidationError(errors)


def _periksa_nilai_target(nilai, nilai_atas) -> None:
    if nilai is None:
        raise ValidationError({"nilai": _("Target wajib diisi.")})
    if nilai_atas is not None and nilai_atas < nilai:
        raise ValidationError({"nilai_atas": _("Batas atas tidak boleh lebih kecil dari batas bawah.")})


@transaction.atomic
def buat_indikator(*, user, simpul: Model, kode: str, targets: dict | None = None, **data) -> Indikator:
    """An indicator on a tujuan, sasaran, tujuan PD, sasaran PD or program/kegiatan/sub kegiatan.

    `targets`: {tahun: nilai or (nilai, nilai_atas)}; `data`: the fields in KOLOM_INDIKATOR.
    """
    field = SIMPUL_MODEL.get(type(simpul))
    if field is None:
        raise ValidationError(
            _("Indikator hanya dapat dipasang pada tujuan, sasaran, atau program/kegiatan.")
        )
    unknown = set(data) - set(KOLOM_INDIKATOR)
    if unknown:
        raise TypeError(f"unknown fields: {unknown}")
    periode = periode_butir(simpul)
    if "opd" not in data or data["opd"] is None:
        renstra = renstra_butir(simpul)
        data["opd"] = simpul.opd if isinstance(simpul, Nomenklatur) else renstra.opd if renstra else None
    if data["opd"] is None:
        raise ValidationError({"opd": _("Pilih OPD penanggung jawab.")})
    indikator = Indikator(periode=periode, kode=_teks(kode), **{field: simpul}, **data)
    access.require(user, access.ADD, indikator)
    _periksa_indikator(indikator)
    if Indikator.objects.filter(periode=periode, kode=indikator.kode).exists():
        raise ValidationError(
            {"kode": _("Kode indikator %(kode)s sudah dipakai.") % {"kode": indikator.kode}}
        )
    _simpan(indikator)
    for tahun, nilai in (targets or {}).items():
        nilai, nilai_atas = nilai if isinstance(nilai, tuple | list) else (nilai, None)
        if nilai is not None:
            buat_target(user=user, indikator=indikator, tahun=tahun, nilai=nilai, nilai_atas=nilai_atas)
    return indikator


@transaction.atomic
def ubah_indikator(*, user, indikator: Indikator, jenis: str = "", alasan: str = "", **data) -> Indikator:
    """Change the indicator's fields. After approval a change of the period's final target needs a reason,
    recorded with the change in the audit history."""
    access.require(user, access.CHANGE, indikator)
    unknown = set(data) - set(KOLOM_INDIKATOR)
    if unknown:
        raise TypeError(f"unknown fields: {unknown}")
    lama = (indikator.target_akhir, indikator.target_akhir_atas)
    for name, value in data.items():
        setattr(indikator, name, value)
    _periksa_indikator(indikator)
    context = {}
    if (indikator.target_akhir, indikator.target_akhir_atas) != lama and sudah_disetujui(
        rencana_indikator(indikator)
    ):
        context = _alasan_revisi(jenis, alasan)
    with pghistory.context(**context):
        return _simpan(indikator, exclude=["kode"])


@transaction.atomic
def hapus_indikator(*, user, indikator: Indikator) -> None:
    access.require(user, access.DELETE, indikator)
    if sudah_disetujui(rencana_indikator(indikator)):
        raise ValidationError(
            _("Rencana sudah disetujui: indikator tidak dapat dihapus."), code="sudah_disetujui"
        )
    if indikator.realisasi.exists():
        raise ValidationError(_("Indikator sudah memiliki realisasi; tidak dapat dihapus."))
    indikator.delete()


def _alasan_revisi(jenis: str, alasan: str) -> dict:
    errors = {}
    if jenis not in JenisPerubahan.values:
        errors["jenis"] = _("Pilih dasar perubahan (perubahan RPJMD/Renstra atau koreksi).")
    if not _teks(alasan):
        errors["alasan"] = _("Rencana sudah disetujui: tuliskan alasan perubahan target.")
    if errors:
        raise ValidationError(errors, code="revisi")
    return {"jenis_perubahan": jenis, "alasan": _teks(alasan)}


def wajib_boleh_ubah_target(user, indikator: Indikator, target: Target | None) -> None:
    access.require(user, access.CHANGE if target else access.ADD, target or Target(indikator=indikator))
    if _pengelola(user):
        return
    # A Kepala OPD (the access layer let them through): own Renstra targets, only while it is a draft.
    renstra = renstra_butir(indikator)
    if renstra is None:
        raise PermissionDenied(_("Target indikator RPJMD hanya diubah oleh Bappeda."))
    if sudah_disetujui(renstra):
        raise PermissionDenied(
            _("Renstra sudah disetujui: perubahan target diajukan ke Bappeda sebagai revisi.")
        )


@transaction.atomic
def buat_target(
    *, user, indikator: Indikator, tahun: int, nilai: Decimal, nilai_atas: Decimal | None = None,
    tw1=None, tw2=None, tw3=None, tw4=None, jenis: str = "", alasan: str = "",
) -> Target:  # fmt: skip
    """The target of a year not set yet; after approval it needs a reason too."""
    wajib_boleh_ubah_target(user, indikator, None)
    if tahun not in indikator.periode.tahun:
        raise ValidationError({"tahun": _("Tahun %(tahun)s di luar periode RPJMD.") % {"tahun": tahun}})
    _periksa_nilai_target(nilai, nilai_atas)
    if Target.objects.filter(indikator=indikator, tahun=tahun).exists():
        raise ValidationError({"tahun": _("Target tahun %(tahun)s sudah ada.") % {"tahun": tahun}})
    context = _alasan_revisi(jenis, alasan) if sudah_disetujui(rencana_indikator(indikator)) else {}
    with pghistory.context(**context):
        return _simpan(
            Target(indikator=indikator, tahun=tahun, nilai=nilai, nilai_atas=nilai_atas, tw1=tw1, tw2=tw2,
                   tw3=tw3, tw4=tw4)
        )  # fmt: skip


@transaction.atomic
def ubah_target(
    *, user, target: Target, nilai: Decimal, nilai_atas: Decimal | None = None, tw1=None, tw2=None,
    tw3=None, tw4=None, jenis: str = "", alasan: str = "",
) -> Target:  # fmt: skip
    """Before approval a plain update; after it a revision with its basis and reason (RevisiTarget)."""
    target = Target.objects.select_for_update().select_related("indikator__periode").get(pk=target.pk)
    indikator = target.indikator
    wajib_boleh_ubah_target(user, indikator, target)
    _periksa_nilai_target(nilai, nilai_atas)
    baru = {"nilai": nilai, "nilai_atas": nilai_atas, "tw1": tw1, "tw2": tw2, "tw3": tw3, "tw4": tw4}
    if all(getattr(target, k) == v for k, v in baru.items()):
        return target
    context = {}
    if sudah_disetujui(rencana_indikator(indikator)):
        context = _alasan_revisi(jenis, alasan)
        RevisiTarget.objects.create(
            target=target, jenis=jenis, alasan=context["alasan"], nilai_lama=target.nilai,
            nilai_atas_lama=target.nilai_atas, nilai_baru=nilai, nilai_atas_baru=nilai_atas, oleh=user,
        )  # fmt: skip
    for name, value in baru.items():
        setattr(target, name, value)
    jadwalkan_hitung_ulang(indikator.opd_id, target.tahun)  # capaian follow the new target after commit
    with pghistory.context(**context):
        return _simpan(target)


@transaction.atomic
def hapus_target(*, user, target: Target) -> None:
    wajib_boleh_ubah_target(user, target.indikator, target)
    access.require(user, access.DELETE, target)
    if sudah_disetujui(rencana_indikator(target.indikator)):
        raise ValidationError(_("Rencana sudah disetujui: target tidak dapat dihapus, hanya direvisi."))
    target.delete()


def perlu_alasan(indikator: Indikator) -> bool:
    """Does a target change of this indicator need a basis and a reason now?"""
    return sudah_disetujui(rencana_indikator(indikator))
