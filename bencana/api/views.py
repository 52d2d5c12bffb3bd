from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from bencana import selectors
from bencana.api.serializers import KejadianSerializer, PenugasanSerializer
from bencana.models import KejadianBencana, Penugasan, StatusDarurat
from sipd import access
from sipd.api.views import RestrictedReadOnlyViewSet


class KejadianViewSet(RestrictedReadOnlyViewSet):
    """Disasters with their status decrees (BPBD, Admin, Pimpinan, Bappeda)."""

    queryset = (
        KejadianBencana.objects.select_related("jenis", "kecamatan")
        .prefetch_related("status_darurat")
        .order_by("-waktu", "-pk")
    )
    serializer_class = KejadianSerializer
    filterset_fields = ["jenis", "kecamatan"]
    ordering_fields = ["waktu"]


class PenugasanViewSet(viewsets.ReadOnlyModelViewSet):
    """Duty assignments: an OPD's own, or every assignment of a disaster the user manages."""

    serializer_class = PenugasanSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["status_darurat", "opd", "unit"]
    ordering_fields = ["mulai", "selesai"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Penugasan.objects.none()
        user = self.request.user
        if not (
            access.can_any(user, access.VIEW, Penugasan) or access.can_any(user, access.VIEW, StatusDarurat)
        ):
            return Penugasan.objects.none()
        return (
            selectors.penugasan_terlihat(user)
            .select_related("pegawai", "opd", "status_darurat")
            .order_by("mulai", "pk")
        )
