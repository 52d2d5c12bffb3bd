from django.contrib import admin

from opd.models import AhliWaris, KlaimBpjs, Opd, Pegawai, PenugasanPeran


@admin.register(Opd)
class OpdAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "singkatan", "jenis", "induk", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "singkatan"]
    raw_id_fields = ["induk", "kepala", "pelaksana"]


@admin.register(Pegawai)
class PegawaiAdmin(admin.ModelAdmin):
    list_display = ["nama", "status", "nip", "jabatan", "eselon", "opd", "aktif"]
    list_filter = ["status", "eselon", "aktif"]
    search_fields = ["nama", "nip", "nik", "jabatan"]
    raw_id_fields = ["opd", "unit", "user"]
    list_select_related = ["opd"]


@admin.register(PenugasanPeran)
class PenugasanPeranAdmin(admin.ModelAdmin):
    list_display = ["user", "peran", "opd"]
    list_filter = ["peran"]
    search_fields = ["user__username", "opd__nama"]
    raw_id_fields = ["user", "opd"]
    list_select_related = ["user", "opd"]


class AhliWarisInline(admin.TabularInline):
    model = AhliWaris
    extra = 0


@admin.register(KlaimBpjs)
class KlaimBpjsAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "program", "waktu_kejadian", "status"]
    list_filter = ["program", "status"]
    search_fields = ["pegawai__nama"]
    raw_id_fields = ["pegawai", "dibuat_oleh"]
    inlines = [AhliWarisInline]
