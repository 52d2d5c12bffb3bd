from rest_framework.routers import DefaultRouter

from opd.api import views

router = DefaultRouter()
router.register("opd", views.OpdViewSet)
router.register("pegawai", views.PegawaiViewSet)

urlpatterns = router.urls
