from rest_framework import serializers

from opd.models import Opd, Pegawai
from sipd.access import can_see_private_data
from sipd.templatetags.sipd import samarkan


class OpdSerializer(serializers.ModelSerializer):
    kepala = serializers.StringRelatedField()
    pelaksana = serializers.StringRelatedField()

    class Meta:
        model = Opd
        fields = [
            "id",
            "kode",
            "nama",
            "singkatan",
            "jenis",
            "induk",
            "urusan",
            "kepala",
            "pelaksana",
            "jenis_pelaksana",
            "aktif",
        ]


class PegawaiSerializer(serializers.ModelSerializer):
    opd_nama = serializers.CharField(source="opd.nama", read_only=True)
    unit_nama = serializers.CharField(source="unit.nama", read_only=True, default=None)

    class Meta:
        model = Pegawai
        fields = [
            "id",
            "nama",
            "status",
            "nip",
            "nik",
            "jenis_kelamin",
            "jabatan",
            "eselon",
            "opd",
            "opd_nama",
            "unit",
            "unit_nama",
            "upah_bpjs",
            "aktif",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        user = self.context["request"].user
        if not can_see_private_data(user):
            data["nip"] = samarkan(data["nip"], user) if data["nip"] else None
            data["nik"] = samarkan(data["nik"], user) if data["nik"] else None
            data["upah_bpjs"] = None
        return data
