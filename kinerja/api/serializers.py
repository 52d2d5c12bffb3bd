"""Serializers of the planning tree. They shape data only; rules are in kinerja.services.perencanaan."""

from rest_framework import serializers

from kinerja.choices import JenisPerubahan
from kinerja.models import (
    ArahKebijakan,
    Indikator,
    Misi,
    Nomenklatur,
    Pagu,
    PeriodeRpjmd,
    Renstra,
    RevisiTarget,
    Sasaran,
    SasaranPd,
    Strategi,
    Target,
    Tujuan,
    TujuanPd,
)
from kinerja.selectors.perencanaan import tingkat_indikator

BUTIR = ["id", "nomor", "uraian", "urutan"]


class PeriodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = PeriodeRpjmd
        fields = [
            "id",
            "nama",
            "tahun_awal",
            "tahun_akhir",
            "visi",
            "status",
            "disetujui_pada",
            "dasar_hukum",
        ]
        read_only_fields = fields


class MisiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Misi
        fields = [*BUTIR, "periode"]


class TujuanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tujuan
        fields = [*BUTIR, "misi"]


class SasaranSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sasaran
        fields = [*BUTIR, "tujuan"]


class StrategiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Strategi
        fields = [*BUTIR, "sasaran"]


class ArahKebijakanSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArahKebijakan
        fields = [*BUTIR, "strategi"]


class RenstraSerializer(serializers.ModelSerializer):
    opd_nama = serializers.CharField(source="opd.nama", read_only=True)

    class Meta:
        model = Renstra
        fields = ["id", "periode", "opd", "opd_nama", "status", "disetujui_pada"]


class TujuanPdSerializer(serializers.ModelSerializer):
    class Meta:
        model = TujuanPd
        fields = [*BUTIR, "renstra"]


class SasaranPdSerializer(serializers.ModelSerializer):
    class Meta:
        model = SasaranPd
        fields = [*BUTIR, "tujuan", "sasaran_rpjmd"]


class PaguSerializer(serializers.ModelSerializer):
    class Meta:
        model = Pagu
        fields = ["tahun", "jumlah"]


class NomenklaturSerializer(serializers.ModelSerializer):
    pagu = PaguSerializer(many=True, read_only=True)

    class Meta:
        model = Nomenklatur
        fields = [
            "id", "periode", "opd", "tingkat", "induk", "kode", "urusan", "bidang", "program", "kegiatan",
            "sub_kegiatan", "versi", "nama", "sasaran", "sasaran_pd", "urutan", "pagu",
        ]  # fmt: skip
        read_only_fields = fields


class TargetSerializer(serializers.ModelSerializer):
    """A yearly target. After the plan is approved a change needs `jenis` and `alasan` (a revision)."""

    jenis = serializers.ChoiceField(choices=JenisPerubahan.choices, write_only=True, required=False)
    alasan = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=4000)

    class Meta:
        model = Target
        fields = [
            "id",
            "indikator",
            "tahun",
            "nilai",
            "nilai_atas",
            "tw1",
            "tw2",
            "tw3",
            "tw4",
            "jenis",
            "alasan",
        ]
        validators = []  # the service checks one target per year, with its own message

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if self.instance is not None:  # an existing target keeps its indicator and year
            fields["indikator"].read_only = True
            fields["tahun"].read_only = True
        elif request is not None:
            fields["indikator"].queryset = Indikator.objects.visible_to(request.user)
        return fields


class TargetRingkasSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["id", "tahun", "nilai", "nilai_atas", "tw1", "tw2", "tw3", "tw4"]


SIMPUL = ("tujuan", "sasaran", "tujuan_pd", "sasaran_pd", "nomenklatur")
SIMPUL_MODEL = {"tujuan": Tujuan, "sasaran": Sasaran, "tujuan_pd": TujuanPd, "sasaran_pd": SasaranPd,
                "nomenklatur": Nomenklatur}  # fmt: skip


class IndikatorSerializer(serializers.ModelSerializer):
    """An indicator hangs off exactly one node: tujuan, sasaran, tujuan_pd, sasaran_pd or nomenklatur."""

    tingkat = serializers.SerializerMethodField()
    target = TargetRingkasSerializer(many=True, read_only=True)
    jenis = serializers.ChoiceField(
        choices=JenisPerubahan.choices, write_only=True, required=False,
        help_text="Dasar perubahan target akhir periode setelah rencana disetujui.",
    )  # fmt: skip
    alasan = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=4000)

    class Meta:
        model = Indikator
        fields = [
            "id", "periode", "kode", "tingkat", *SIMPUL, "opd", "nama", "satuan", "polaritas", "sifat",
            "kondisi_awal_tahun", "kondisi_awal", "target_akhir", "target_akhir_atas", "definisi_operasional",
            "sumber_data", "iku", "urutan", "target", "jenis", "alasan",
        ]  # fmt: skip
        read_only_fields = ["periode"]
        validators = []
        extra_kwargs = {"opd": {"required": False}}

    def get_tingkat(self, obj) -> str:
        return tingkat_indikator(obj)

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        for name in SIMPUL:
            if self.instance is not None:
                fields[name].read_only = True
            elif request is not None:
                fields[name].queryset = SIMPUL_MODEL[name].objects.visible_to(request.user)
        if self.instance is not None:
            fields["kode"].read_only = True
        return fields

    def validate(self, attrs):
        if self.instance is None:
            chosen = [name for name in SIMPUL if attrs.get(name) is not None]
            if len(chosen) != 1:
                raise serializers.ValidationError(
                    {"simpul": "Isi tepat satu dari tujuan, sasaran, tujuan_pd, sasaran_pd, nomenklatur."}
                )
            attrs["simpul"] = attrs.pop(chosen[0])
            for name in SIMPUL:
                attrs.pop(name, None)
        return attrs


# --- the nested tree --------------------------------------------------------------------------------------


class IndikatorPohonSerializer(serializers.ModelSerializer):
    opd_nama = serializers.CharField(source="opd.nama", read_only=True)
    target = TargetRingkasSerializer(many=True, read_only=True)

    class Meta:
        model = Indikator
        fields = [
            "id", "kode", "nama", "satuan", "polaritas", "sifat", "kondisi_awal_tahun", "kondisi_awal",
            "target_akhir", "target_akhir_atas", "iku", "opd", "opd_nama", "target",
        ]  # fmt: skip


class ProgramPohonSerializer(serializers.ModelSerializer):
    indikator = IndikatorPohonSerializer(many=True, read_only=True, source="indikator_list")
    pagu = PaguSerializer(many=True, read_only=True, source="pagu_list")

    class Meta:
        model = Nomenklatur
        fields = ["id", "kode", "nama", "opd", "versi", "indikator", "pagu"]


class SasaranPdPohonSerializer(serializers.ModelSerializer):
    opd = serializers.IntegerField(source="tujuan.renstra.opd_id", read_only=True)
    opd_nama = serializers.CharField(source="tujuan.renstra.opd.nama", read_only=True)
    renstra = serializers.IntegerField(source="tujuan.renstra_id", read_only=True)
    indikator = IndikatorPohonSerializer(many=True, read_only=True, source="indikator_list")
    program = ProgramPohonSerializer(many=True, read_only=True, source="program_list")

    class Meta:
        model = SasaranPd
        fields = [*BUTIR, "renstra", "opd", "opd_nama", "indikator", "program"]


class ArahKebijakanPohonSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArahKebijakan
        fields = BUTIR


class StrategiPohonSerializer(serializers.ModelSerializer):
    arah_kebijakan = ArahKebijakanPohonSerializer(many=True, read_only=True)

    class Meta:
        model = Strategi
        fields = [*BUTIR, "arah_kebijakan"]


class SasaranPohonSerializer(serializers.ModelSerializer):
    indikator = IndikatorPohonSerializer(many=True, read_only=True, source="indikator_list")
    strategi = StrategiPohonSerializer(many=True, read_only=True, source="strategi_list")
    sasaran_pd = SasaranPdPohonSerializer(many=True, read_only=True, source="sasaran_pd_list")

    class Meta:
        model = Sasaran
        fields = [*BUTIR, "indikator", "strategi", "sasaran_pd"]


class TujuanPohonSerializer(serializers.ModelSerializer):
    indikator = IndikatorPohonSerializer(many=True, read_only=True, source="indikator_list")
    sasaran = SasaranPohonSerializer(many=True, read_only=True, source="sasaran_list")

    class Meta:
        model = Tujuan
        fields = [*BUTIR, "indikator", "sasaran"]


class MisiPohonSerializer(serializers.ModelSerializer):
    tujuan = TujuanPohonSerializer(many=True, read_only=True, source="tujuan_list")

    class Meta:
        model = Misi
        fields = [*BUTIR, "tujuan"]


class PohonSerializer(serializers.Serializer):
    periode = PeriodeSerializer()
    misi = MisiPohonSerializer(many=True)


class RevisiTargetSerializer(serializers.ModelSerializer):
    indikator = serializers.IntegerField(source="target.indikator_id", read_only=True)
    tahun = serializers.IntegerField(source="target.tahun", read_only=True)
    oleh = serializers.CharField(source="oleh.username", read_only=True)

    class Meta:
        model = RevisiTarget
        fields = [
            "id", "target", "indikator", "tahun", "jenis", "alasan", "nilai_lama", "nilai_atas_lama",
            "nilai_baru", "nilai_atas_baru", "oleh", "waktu",
        ]  # fmt: skip
        read_only_fields = fields
