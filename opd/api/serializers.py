from rest_framework import serializers

from opd.models import Opd, Pegawai
from sipd.access import DATA_PRIBADI_DISAMARKAN, DATA_PRIBADI_DISEMBUNYIKAN, can_see_private_data
from sipd.formatting import samarkan


class OpdSerializer(serializers.ModelSerializer):
    kepala = serializers.StringRelatedField(allow_null=True)
    pelaksana = serializers.StringRelatedField(allow_null=True)

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
    unit_nama = serializers.CharField(source="unit.nama", read_only=True, default=None, allow_null=True)

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
            for field in DATA_PRIBADI_DISAMARKAN:
                data[field] = samarkan(data[field]) if data[field] else None
            for field in DATA_PRIBADI_DISEMBUNYIKAN:
                data[field] = None
        return data
