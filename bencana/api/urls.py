from rest_framework.routers import SimpleRouter

from bencana.api import views

router = SimpleRouter()
router.register("bencana/kejadian", views.KejadianViewSet, basename="bencana-kejadian")
router.register("bencana/penugasan", views.PenugasanViewSet, basename="bencana-penugasan")

urlpatterns = router.urls
