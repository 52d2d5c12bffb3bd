from rest_framework import serializers

from opd.models import Opd
from sla.models import Layanan, LiburDaerah, Peristiwa, Permohonan, Sla, TandaTangan


class LayananSerializer(serializers.ModelSerializer):
    penyedia_nama = serializers.CharField(source="penyedia.nama", read_only=True)

    class Meta:
        model = Layanan
        fields = ["id", "penyedia", "penyedia_nama", "nama", "uraian", "aktif"]


class TandaTanganSerializer(serializers.ModelSerializer):
    class Meta:
        model = TandaTangan
        fields = ["pihak", "opd", "nama", "nip", "jabatan", "waktu"]


class SlaSerializer(serializers.ModelSerializer):
    layanan_nama = serializers.CharField(source="layanan.nama", read_only=True)
    penyedia_nama = serializers.CharField(source="penyedia.nama", read_only=True)
    tanda_tangan = TandaTanganSerializer(many=True, read_only=True)

    class Meta:
        model = Sla
        fields = [
            "id", "seri", "versi", "nomor", "layanan", "layanan_nama", "penyedia", "penyedia_nama",
            "penerima_semua", "penerima", "persyaratan", "standar_waktu", "satuan_waktu", "keluaran",
            "ukuran_mutu", "kontak_eskalasi", "berlaku_mulai", "berlaku_sampai", "status", "diajukan_pada",
            "berlaku_pada", "tanda_tangan",
        ]  # fmt: skip
        read_only_fields = fields


class PeristiwaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Peristiwa
        fields = ["jenis", "waktu", "oleh", "catatan"]


class PermohonanSerializer(serializers.ModelSerializer):
    nomor = serializers.CharField(read_only=True)
    peristiwa = PeristiwaSerializer(many=True, read_only=True)
    lampiran = serializers.SerializerMethodField()

    class Meta:
        model = Permohonan
        fields = [
            "id", "nomor", "sla", "penyedia", "pemohon", "perihal", "uraian", "status", "standar_waktu",
            "satuan_waktu", "diajukan_pada", "lengkap_pada", "mulai", "tenggat", "ditutup_pada", "hasil",
            "alasan_tolak", "durasi_menit", "durasi_hari", "tepat_waktu", "terlambat_pada", "peristiwa",
            "lampiran",
        ]  # fmt: skip
        read_only_fields = fields

    def get_lampiran(self, obj) -> list[dict]:
        from django.urls import reverse

        return [
            {
                "id": b.pk,
                "nama": b.nama_asli,
                "ukuran": b.ukuran,
                "unduh": reverse("sla-lampiran", args=[b.pk]),
            }
            for b in obj.lampiran.all()
        ]


class PermohonanBaruSerializer(serializers.Serializer):
    sla = serializers.PrimaryKeyRelatedField(queryset=Sla.objects.all())
    pemohon = serializers.PrimaryKeyRelatedField(queryset=Opd.objects.filter(induk__isnull=True))
    perihal = serializers.CharField(max_length=200)
    uraian = serializers.CharField(required=False, allow_blank=True, default="")
    lampiran = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class TeksSerializer(serializers.Serializer):
    """The one text a step needs (kekurangan, catatan, hasil, alasan), and optional files."""

    teks = serializers.CharField(required=False, allow_blank=True, default="")
    lampiran = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class LiburSerializer(serializers.ModelSerializer):
    class Meta:
        model = LiburDaerah
        fields = ["id", "tanggal", "nama"]


class KepatuhanSerializer(serializers.Serializer):
    penyedia_id = serializers.IntegerField(required=False)
    opd_nama = serializers.CharField(required=False)
    nomor = serializers.CharField(required=False)
    layanan = serializers.CharField(required=False)
    selesai = serializers.IntegerField()
    tepat = serializers.IntegerField()
    terlambat = serializers.IntegerField()
    ditolak = serializers.IntegerField()
    backlog = serializers.IntegerField()
    lewat_tenggat = serializers.IntegerField()
    pelanggaran = serializers.IntegerField()
    persen_tepat = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True)
    median_hari = serializers.FloatField(allow_null=True)
    p90_hari = serializers.FloatField(allow_null=True)
    median_jam = serializers.FloatField(allow_null=True)
    p90_jam = serializers.FloatField(allow_null=True)


class TenggatSerializer(serializers.Serializer):
    diterima = serializers.DateTimeField()
    standar = serializers.IntegerField(min_value=1, max_value=365)
    satuan = serializers.ChoiceField(choices=["hari_kerja", "jam_kerja"], default="hari_kerja")
