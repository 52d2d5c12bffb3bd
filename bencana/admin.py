from django.contrib import admin

from bencana.models import JenisBencana, KejadianBencana, Penugasan, StatusDarurat


@admin.register(JenisBencana)
class JenisBencanaAdmin(admin.ModelAdmin):
    """Admin extends the list of disaster kinds here."""

    list_display = ["nama", "aktif", "urutan"]
    list_editable = ["aktif", "urutan"]
    search_fields = ["nama"]


@admin.register(KejadianBencana)
class KejadianBencanaAdmin(admin.ModelAdmin):
    list_display = ["judul", "jenis", "kecamatan", "waktu"]
    list_filter = ["jenis"]
    search_fields = ["judul"]
    raw_id_fields = ["opd", "kecamatan", "dibuat_oleh"]


@admin.register(StatusDarurat)
class StatusDaruratAdmin(admin.ModelAdmin):
    list_display = ["kejadian", "status", "nomor_sk", "mulai", "berakhir", "penugasan_dibuat"]
    list_filter = ["status"]
    raw_id_fields = ["kejadian", "dibuat_oleh"]


@admin.register(Penugasan)
class PenugasanAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "opd", "unit", "mulai", "selesai", "siap"]
    list_filter = ["unit", "dasar"]
    raw_id_fields = ["status_darurat", "pegawai", "opd", "siap_oleh"]
    list_select_related = ["pegawai", "opd"]
