from django.urls import path
from rest_framework.routers import SimpleRouter

from sipd.api import endpoints

router = SimpleRouter()
router.register("notifikasi", endpoints.NotifikasiViewSet, basename="notifikasi")

urlpatterns = [path("saya/", endpoints.SayaView.as_view(), name="saya"), *router.urls]
