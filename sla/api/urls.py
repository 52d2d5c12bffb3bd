from django.urls import path
from rest_framework.routers import SimpleRouter

from sla.api import views

router = SimpleRouter()
router.register("sla/layanan", views.LayananViewSet, basename="sla-layanan")
router.register("sla/permohonan", views.PermohonanViewSet, basename="sla-permohonan")
router.register("sla/libur", views.LiburViewSet, basename="sla-libur")
router.register("sla", views.SlaViewSet, basename="sla")

urlpatterns = [
    path("sla/kepatuhan/", views.KepatuhanView.as_view(), name="sla-kepatuhan"),
    path("sla/tenggat/", views.TenggatView.as_view(), name="sla-tenggat"),
    *router.urls,
]
