from rest_framework import serializers

from bencana.models import KejadianBencana, Penugasan, StatusDarurat


class StatusDaruratSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatusDarurat
        fields = [
            "id",
            "status",
            "nomor_sk",
            "tanggal_sk",
            "mulai",
            "selesai",
            "berakhir",
            "penugasan_dibuat",
        ]


class KejadianSerializer(serializers.ModelSerializer):
    jenis = serializers.StringRelatedField()
    kecamatan = serializers.StringRelatedField()
    status_darurat = StatusDaruratSerializer(many=True, read_only=True)

    class Meta:
        model = KejadianBencana
        fields = [
            "id", "judul", "jenis", "waktu", "kecamatan", "desa", "lokasi", "uraian", "penyebab", "upaya",
            "meninggal", "luka", "hilang", "pengungsi", "rumah_rusak_ringan", "rumah_rusak_sedang",
            "rumah_rusak_berat", "fasilitas_rusak", "fasilitas_keterangan", "status_darurat",
        ]  # fmt: skip


class PenugasanSerializer(serializers.ModelSerializer):
    pegawai_nama = serializers.CharField(source="pegawai.nama", read_only=True)
    opd_nama = serializers.CharField(source="opd.nama", read_only=True)
    kejadian = serializers.IntegerField(source="status_darurat.kejadian_id", read_only=True)

    class Meta:
        model = Penugasan
        fields = [
            "id", "kejadian", "status_darurat", "pegawai", "pegawai_nama", "opd", "opd_nama", "unit",
            "sebutan", "dasar", "mulai", "selesai", "diakhiri", "siap",
        ]  # fmt: skip
