from django.urls import path

from opd import views

urlpatterns = [
    path("", views.BerandaView.as_view(), name="beranda"),
    path("opd/", views.OpdTreeView.as_view(), name="opd-tree"),
    path("opd/<int:pk>/", views.OpdDetailView.as_view(), name="opd-detail"),
    path("pegawai/", views.PegawaiListView.as_view(), name="pegawai-list"),
    path("pegawai/<int:pk>/", views.PegawaiDetailView.as_view(), name="pegawai-detail"),
]
