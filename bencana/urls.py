from django.urls import path

from bencana import views

urlpatterns = [
    path("", views.beranda, name="bencana-beranda"),
    path("kejadian/baru/", views.kejadian_form, name="bencana-kejadian-baru"),
    path("kejadian/<int:pk>/", views.kejadian_detail, name="bencana-kejadian-detail"),
    path("kejadian/<int:pk>/ubah/", views.kejadian_form, name="bencana-kejadian-ubah"),
    path("kejadian/<int:pk>/foto/", views.kejadian_foto, name="bencana-kejadian-foto"),
    path("kejadian/<int:pk>/status/baru/", views.status_baru, name="bencana-status-baru"),
    path("kejadian/<int:pk>/rekap/", views.rekap, name="bencana-rekap"),
    path("foto/kejadian/<int:pk>/", views.foto_kejadian, name="bencana-foto-kejadian"),
    path("status/<int:pk>/perpanjang/", views.status_perpanjang, name="bencana-status-perpanjang"),
    path("status/<int:pk>/penugasan/", views.status_penugasan, name="bencana-status-penugasan"),
    path("status/<int:pk>/penugasan/baru/", views.penugasan_baru, name="bencana-penugasan-baru"),
    path("penugasan/<int:pk>/", views.penugasan_detail, name="bencana-penugasan-detail"),
    path("penugasan/<int:pk>/siap/", views.penugasan_siap, name="bencana-penugasan-siap"),
    path("penugasan/<int:pk>/laporan/", views.penugasan_laporan, name="bencana-penugasan-laporan"),
    path("penugasan/<int:pk>/ubah/", views.penugasan_ubah, name="bencana-penugasan-ubah"),
    path("penugasan/<int:pk>/klaim/", views.penugasan_klaim, name="bencana-penugasan-klaim"),
    path("foto/laporan/<int:pk>/", views.foto_laporan, name="bencana-foto-laporan"),
]
