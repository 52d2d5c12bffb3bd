from django.urls import path, re_path

from opd import klaim_views, views

urlpatterns = [
    path("", views.BerandaView.as_view(), name="beranda"),
    path("opd/", views.OpdTreeView.as_view(), name="opd-tree"),
    path("opd/<int:pk>/", views.OpdDetailView.as_view(), name="opd-detail"),
    path("pegawai/", views.PegawaiListView.as_view(), name="pegawai-list"),
    path("pegawai/<int:pk>/", views.PegawaiDetailView.as_view(), name="pegawai-detail"),
    path("opd/impor/", views.impor, name="opd-impor"),
    re_path(
        r"^opd/impor/templat/(?P<jenis>opd|pegawai)\.(?P<ekstensi>xlsx|csv)$",
        views.impor_templat,
        name="opd-impor-templat",
    ),
    # BPJS Ketenagakerjaan claims
    path("klaim/", klaim_views.klaim_list, name="klaim-list"),
    path("klaim/baru/", klaim_views.klaim_form, name="klaim-baru"),
    path("klaim/kalkulator/", klaim_views.kalkulator, name="klaim-kalkulator"),
    path("klaim/<int:pk>/", klaim_views.klaim_detail, name="klaim-detail"),
    path("klaim/<int:pk>/ubah/", klaim_views.klaim_form, name="klaim-ubah"),
    path("klaim/<int:pk>/ahli-waris/", klaim_views.klaim_ahli_waris, name="klaim-ahli-waris"),
    path(
        "klaim/ahli-waris/<int:pk>/hapus/", klaim_views.klaim_ahli_waris_hapus, name="klaim-ahli-waris-hapus"
    ),
    path("klaim/<int:pk>/dokumen/", klaim_views.klaim_dokumen, name="klaim-dokumen"),
    path("klaim/dokumen/<int:pk>/", klaim_views.klaim_dokumen_unduh, name="klaim-dokumen-unduh"),
    path("klaim/<int:pk>/status/", klaim_views.klaim_status, name="klaim-status"),
    path("klaim/register/<int:tahun>/", klaim_views.register, name="klaim-register"),
    path("pegawai/<int:pk>/klaim/", klaim_views.pegawai_klaim, name="pegawai-klaim"),
]
