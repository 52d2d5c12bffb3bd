"""Django admin for the planning tree (the admin site itself requires the Admin role)."""

from django.contrib import admin

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

BUTIR = ["nomor", "uraian", "urutan"]


@admin.register(PeriodeRpjmd)
class PeriodeRpjmdAdmin(admin.ModelAdmin):
    list_display = ["nama", "tahun_awal", "tahun_akhir", "status", "disetujui_pada"]
    list_filter = ["status"]


@admin.register(Misi)
class MisiAdmin(admin.ModelAdmin):
    list_display = [*BUTIR, "periode"]
    list_filter = ["periode"]
    search_fields = ["nomor", "uraian"]


@admin.register(Tujuan)
class TujuanAdmin(admin.ModelAdmin):
    list_display = [*BUTIR, "misi"]
    list_filter = ["misi__periode"]
    search_fields = ["nomor", "uraian"]
    raw_id_fields = ["misi"]


@admin.register(Sasaran)
class SasaranAdmin(admin.ModelAdmin):
    list_display = [*BUTIR, "tujuan"]
    list_filter = ["tujuan__misi__periode"]
    search_fields = ["nomor", "uraian"]
    raw_id_fields = ["tujuan"]


@admin.register(Strategi)
class StrategiAdmin(admin.ModelAdmin):
    list_display = [*BUTIR, "sasaran"]
    search_fields = ["uraian"]
    raw_id_fields = ["sasaran"]


@admin.register(ArahKebijakan)
class ArahKebijakanAdmin(admin.ModelAdmin):
    list_display = [*BUTIR, "strategi"]
    search_fields = ["uraian"]
    raw_id_fields = ["strategi"]


@admin.register(Renstra)
class RenstraAdmin(admin.ModelAdmin):
    list_display = ["opd", "periode", "status", "disetujui_pada"]
    list_filter = ["status", "periode"]
    search_fields = ["opd__nama", "opd__singkatan"]
    raw_id_fields = ["opd"]
    list_select_related = ["opd", "periode"]


@admin.register(TujuanPd)
class TujuanPdAdmin(admin.ModelAdmin):
    list_display = [*BUTIR, "renstra"]
    search_fields = ["uraian", "renstra__opd__nama"]
    raw_id_fields = ["renstra"]


@admin.register(SasaranPd)
class SasaranPdAdmin(admin.ModelAdmin):
    list_display = [*BUTIR, "tujuan", "sasaran_rpjmd"]
    search_fields = ["uraian"]
    raw_id_fields = ["tujuan", "sasaran_rpjmd"]


class PaguInline(admin.TabularInline):
    model = Pagu
    extra = 0


@admin.register(Nomenklatur)
class NomenklaturAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat", "opd", "versi", "periode"]
    list_filter = ["tingkat", "versi", "periode"]
    search_fields = ["kode", "nama", "opd__nama"]
    raw_id_fields = ["opd", "induk", "sasaran", "sasaran_pd"]
    list_select_related = ["opd", "periode"]
    inlines = [PaguInline]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "satuan", "polaritas", "sifat", "opd", "iku"]
    list_filter = ["polaritas", "sifat", "iku", "periode"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["opd", "tujuan", "sasaran", "tujuan_pd", "sasaran_pd", "nomenklatur"]
    list_select_related = ["opd"]
    inlines = [TargetInline]


@admin.register(RevisiTarget)
class RevisiTargetAdmin(admin.ModelAdmin):
    """Revisions are the record of approved-plan changes: read only."""

    list_display = ["target", "jenis", "nilai_lama", "nilai_baru", "oleh", "waktu"]
    list_filter = ["jenis"]
    raw_id_fields = ["target", "oleh"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Inovasi Daerah and IKM (issue 9) -------------------------------------------------------------------
from kinerja.models import IndikatorInovasi, Inovasi, OpsiIndikatorInovasi, SurveiIkm  # noqa: E402


class OpsiIndikatorInovasiInline(admin.TabularInline):
    model = OpsiIndikatorInovasi
    extra = 1


@admin.register(IndikatorInovasi)
class IndikatorInovasiAdmin(admin.ModelAdmin):
    """The Indeks Inovasi Daerah scheme: Admin updates indicators, weights and options as BSKDN changes it."""

    list_display = ["urutan", "kode", "nama", "bobot", "aktif"]
    list_display_links = ["kode", "nama"]
    list_editable = ["urutan", "bobot", "aktif"]
    inlines = [OpsiIndikatorInovasiInline]


@admin.register(Inovasi)
class InovasiAdmin(admin.ModelAdmin):
    list_display = ["nama", "opd", "jenis", "tahapan", "tanggal_inisiatif"]
    list_filter = ["jenis", "tahapan"]
    search_fields = ["nama", "opd__nama"]
    raw_id_fields = ["opd", "indikator", "dibuat_oleh"]


@admin.register(SurveiIkm)
class SurveiIkmAdmin(admin.ModelAdmin):
    list_display = ["unit_layanan", "opd", "tahun", "periode", "dibuka"]
    list_filter = ["tahun", "periode", "dibuka"]
    search_fields = ["unit_layanan", "opd__nama"]
    raw_id_fields = ["opd", "indikator", "dibuat_oleh"]
