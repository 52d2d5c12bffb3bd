from django.urls import path, re_path

from opd import views

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
]
