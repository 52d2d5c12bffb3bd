from django.urls import path
from rest_framework.routers import DefaultRouter

from kinerja.api import ikm, inovasi, realisasi, views

router = DefaultRouter()
router.register("realisasi", realisasi.RealisasiViewSet)
router.register("pelaporan", realisasi.PelaporanViewSet, basename="pelaporan")
# Perencanaan: the tree (read), indicators and targets (read and write).
router.register("periode", views.PeriodeViewSet, basename="periode")
router.register("misi", views.MisiViewSet, basename="misi")
router.register("tujuan", views.TujuanViewSet, basename="tujuan")
router.register("sasaran", views.SasaranViewSet, basename="sasaran")
router.register("strategi", views.StrategiViewSet, basename="strategi")
router.register("arah-kebijakan", views.ArahKebijakanViewSet, basename="arah-kebijakan")
router.register("renstra", views.RenstraViewSet, basename="renstra")
router.register("tujuan-pd", views.TujuanPdViewSet, basename="tujuan-pd")
router.register("sasaran-pd", views.SasaranPdViewSet, basename="sasaran-pd")
router.register("nomenklatur", views.NomenklaturViewSet, basename="nomenklatur")
router.register("indikator", views.IndikatorViewSet, basename="indikator")
router.register("target", views.TargetViewSet, basename="target")
router.register("revisi-target", views.RevisiTargetViewSet, basename="revisi-target")
router.register("inovasi", inovasi.InovasiViewSet, basename="inovasi")
router.register("indikator-inovasi", inovasi.IndikatorInovasiViewSet, basename="indikator-inovasi")
router.register("survei-ikm", ikm.SurveiIkmViewSet, basename="survei-ikm")

urlpatterns = [
    path("inovasi-ringkasan/", inovasi.RingkasanInovasiView.as_view(), name="inovasi-ringkasan"),
    path("ikm/hitung/", ikm.HitungIkmView.as_view(), name="ikm-hitung"),
    *router.urls,
]
