from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.cache import cache
from django.db import transaction

from sipd.models import Notifikasi, Pemda, User
from sipd.selectors import PEMDA_CACHE_KEY


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
        transaction.on_commit(lambda: cache.delete(PEMDA_CACHE_KEY))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(lambda: cache.delete(PEMDA_CACHE_KEY))

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        transaction.on_commit(lambda: cache.delete(PEMDA_CACHE_KEY))


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ["judul", "penerima", "dibuat", "dibaca", "email_terkirim"]
    list_filter = ["dibaca"]
    raw_id_fields = ["penerima"]
    search_fields = ["judul", "penerima__username"]
