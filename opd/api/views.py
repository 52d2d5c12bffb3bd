from opd.api.serializers import OpdSerializer, PegawaiSerializer
from opd.filters import OpdFilter, PegawaiFilter
from opd.models import Opd, Pegawai
from sipd.api.views import RestrictedReadOnlyViewSet


class OpdViewSet(RestrictedReadOnlyViewSet):
    """Perangkat daerah and their units."""

    queryset = Opd.objects.select_related("kepala", "pelaksana").order_by("urutan", "kode")
    serializer_class = OpdSerializer
    filterset_class = OpdFilter
    ordering_fields = ["kode", "nama", "urutan"]


class PegawaiViewSet(RestrictedReadOnlyViewSet):
    """Pegawai; NIP, NIK and wage are masked for roles that don't need them."""

    queryset = Pegawai.objects.select_related("opd", "unit").order_by("nama", "pk")
    serializer_class = PegawaiSerializer
    filterset_class = PegawaiFilter
    ordering_fields = ["nama", "status", "eselon"]
