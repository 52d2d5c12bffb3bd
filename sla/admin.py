from django.contrib import admin

from sla.models import Layanan, LiburDaerah, Permohonan, Sla, TandaTangan


@admin.register(Layanan)
class LayananAdmin(admin.ModelAdmin):
    list_display = ["nama", "penyedia", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["nama", "penyedia__nama"]
    autocomplete_fields = ["penyedia"]


class TandaTanganInline(admin.TabularInline):
    model = TandaTangan
    extra = 0
    can_delete = False
    readonly_fields = ["pihak", "opd", "pengguna", "nama", "nip", "jabatan", "waktu"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Sla)
class SlaAdmin(admin.ModelAdmin):
    """Read-only here: agreements are written and signed in the portal, through the services."""

    list_display = ["nomor", "versi", "layanan", "penyedia", "status", "berlaku_mulai", "berlaku_sampai"]
    list_filter = ["status", "satuan_waktu"]
    search_fields = ["nomor", "layanan__nama"]
    inlines = [TandaTanganInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Permohonan)
class PermohonanAdmin(admin.ModelAdmin):
    list_display = ["pk", "perihal", "pemohon", "penyedia", "status", "tenggat", "tepat_waktu"]
    list_filter = ["status", "tepat_waktu"]
    search_fields = ["perihal"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LiburDaerah)
class LiburDaerahAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "nama"]
    date_hierarchy = "tanggal"
