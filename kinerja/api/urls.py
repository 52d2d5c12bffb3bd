from rest_framework.routers import DefaultRouter

from kinerja.api import realisasi

router = DefaultRouter()
router.register("realisasi", realisasi.RealisasiViewSet)
router.register("pelaporan", realisasi.PelaporanViewSet, basename="pelaporan")

urlpatterns = router.urls
