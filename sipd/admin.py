from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from sipd.models import CatatanAkses, Notifikasi, Pemda, User
from sipd.selectors import forget_pemda_profile_on_commit


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active", "last_login"]


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "kode_wilayah", "bupati_nama"]

    def has_add_permission(self, request):
        return not Pemda.objects.exists()

    # Every page shows the cached profile (sipd.selectors.pemda_profile): drop it once the change commits.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_pemda_profile_on_commit()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_pemda_profile_on_commit()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        forget_pemda_profile_on_commit()


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ["judul", "penerima", "dibuat", "dibaca", "email_terkirim"]
    list_filter = ["dibaca"]
    raw_id_fields = ["penerima"]
    search_fields = ["judul", "penerima__username"]


@admin.register(CatatanAkses)
class CatatanAksesAdmin(admin.ModelAdmin):
    """The access log, read-only: nobody edits or deletes it from the portal."""

    list_display = ["waktu", "jenis", "username", "alamat_ip", "metode", "path", "status"]
    list_filter = ["jenis", "waktu"]
    search_fields = ["username", "path", "alamat_ip"]
    date_hierarchy = "waktu"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
