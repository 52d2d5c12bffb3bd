from django.urls import path

from sla import views

urlpatterns = [
    path("", views.sla_list, name="sla-list"),
    path("tambah/", views.sla_tambah, name="sla-tambah"),
    path("<int:pk>/", views.sla_detail, name="sla-detail"),
    path("<int:pk>/ubah/", views.sla_ubah, name="sla-ubah"),
    path("<int:pk>/ajukan/", views.sla_ajukan, name="sla-ajukan"),
    path("<int:pk>/tarik/", views.sla_tarik, name="sla-tarik"),
    path("<int:pk>/tandatangan/", views.sla_tandatangan, name="sla-tandatangan"),
    path("<int:pk>/amandemen/", views.sla_amandemen, name="sla-amandemen"),
    path("<int:pk>/dokumen/", views.sla_dokumen, name="sla-dokumen"),
    path("layanan/", views.layanan_list, name="sla-layanan"),
    path("layanan/<int:pk>/ubah/", views.layanan_ubah, name="sla-layanan-ubah"),
    path("permohonan/", views.permohonan_list, name="sla-permohonan-list"),
    path("permohonan/baru/", views.permohonan_tambah, name="sla-permohonan-tambah"),
    path("permohonan/<int:pk>/", views.permohonan_detail, name="sla-permohonan-detail"),
    path("permohonan/<int:pk>/<slug:aksi>/", views.permohonan_aksi, name="sla-permohonan-aksi"),
    path("lampiran/<int:pk>/", views.lampiran_unduh, name="sla-lampiran"),
    path("kepatuhan/", views.kepatuhan, name="sla-kepatuhan"),
    path("kepatuhan/unduh.xlsx", views.kepatuhan_xlsx, name="sla-kepatuhan-xlsx"),
    path("kalender/", views.kalender, name="sla-kalender"),
    path("kalender/<int:pk>/hapus/", views.libur_hapus, name="sla-libur-hapus"),
]
