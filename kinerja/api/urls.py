from django.urls import path
from rest_framework.routers import DefaultRouter

from kinerja.api import ikm, inovasi, realisasi

router = DefaultRouter()
router.register("realisasi", realisasi.RealisasiViewSet)
router.register("pelaporan", realisasi.PelaporanViewSet, basename="pelaporan")
router.register("inovasi", inovasi.InovasiViewSet, basename="inovasi")
router.register("indikator-inovasi", inovasi.IndikatorInovasiViewSet, basename="indikator-inovasi")
router.register("survei-ikm", ikm.SurveiIkmViewSet, basename="survei-ikm")

urlpatterns = [
    path("inovasi-ringkasan/", inovasi.RingkasanInovasiView.as_view(), name="inovasi-ringkasan"),
    path("ikm/hitung/", ikm.HitungIkmView.as_view(), name="ikm-hitung"),
    *router.urls,
]
