from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from sipd.models import Notifikasi, Pemda, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active", "last_login"]


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "kode_wilayah", "bupati_nama"]

    def has_add_permission(self, request):
        return not Pemda.objects.exists()


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ["judul", "penerima", "dibuat", "dibaca", "email_terkirim"]
    list_filter = ["dibaca"]
    raw_id_fields = ["penerima"]
    search_fields = ["judul", "penerima__username"]
