import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from sipd import access
from sipd.models import Notifikasi
from sipd.notifications import tandai_dibaca


class NotifikasiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notifikasi
        fields = ["id", "judul", "pesan", "tautan", "dibuat", "dibaca"]
        read_only_fields = fields


class NotifikasiFilter(django_filters.FilterSet):
    dibaca = django_filters.BooleanFilter(
        field_name="dibaca", lookup_expr="isnull", exclude=True, label="Sudah dibaca (true/false)"
    )

    class Meta:
        model = Notifikasi
        fields = ["dibaca"]


class NotifikasiViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The signed-in user's own notifications (scoped to the user, not to an OPD)."""

    serializer_class = NotifikasiSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = NotifikasiFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Notifikasi.objects.none()
        return Notifikasi.objects.filter(penerima=self.request.user)

    @extend_schema(request=None, responses={200: NotifikasiSerializer})
    @action(detail=True, methods=["post"])
    def baca(self, request, pk=None):
        notif = self.get_object()
        tandai_dibaca(user=request.user, ids=[notif.pk])
        notif.refresh_from_db()
        return Response(self.get_serializer(notif).data)


class PeranSerializer(serializers.Serializer):
    peran = serializers.CharField()
    opd = serializers.ListField(child=serializers.IntegerField())


class SayaSerializer(serializers.Serializer):
    username = serializers.CharField()
    nama = serializers.CharField()
    peran = PeranSerializer(many=True)


class SayaView(APIView):
    """Who am I and which roles do I hold (by OPD)."""

    @extend_schema(responses=SayaSerializer)
    def get(self, request):
        peran = access.roles_of(request.user)
        rows = [{"peran": r, "opd": []} for r in sorted(peran.global_roles)]
        rows += [{"peran": r, "opd": sorted(ids)} for r, ids in sorted(peran.opd_roles.items())]
        data = {"username": request.user.username, "nama": request.user.get_full_name(), "peran": rows}
        return Response(SayaSerializer(data).data)
