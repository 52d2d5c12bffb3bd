"""Planning services: nomenclature codes, approval, target revisions and who may change what."""

from decimal import Decimal

import pghistory.models
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kinerja.choices import StatusRencana, Tingkat, VersiNomenklatur
from kinerja.forms import IndikatorForm, TargetForm
from kinerja.models import Indikator, Nomenklatur, PeriodeRpjmd, RevisiTarget, Target
from kinerja.services import perencanaan as services
from sipd.models import Notifikasi
from tests.kinerja.factories import (
    IndikatorFactory,
    MisiFactory,
    PeriodeFactory,
    RenstraFactory,
    SasaranFactory,
)

V2021, V2023 = VersiNomenklatur.KEPMENDAGRI_2021, VersiNomenklatur.KEPMENDAGRI_2023


def _pesan(exc_info, field=None) -> str:
    exc = exc_info.value
    if field:
        return " ".join(exc.message_dict[field])
    return " ".join(exc.messages)


@pytest.fixture
def periode(db):
    return PeriodeFactory()


@pytest.fixture
def nomen(two_opds, periode):
    """buat_nomenklatur as Bappeda for OPD A (urusan 1.02)."""

    def _buat(kode, versi=V2023, opd=None, user=None):
        return services.buat_nomenklatur(
            user=user or two_opds.users.bappeda, periode=periode, opd=opd or two_opds.opd_a, kode=kode,
            nama=f"Nomenklatur {kode}", versi=versi,
        )  # fmt: skip

    return _buat


@pytest.mark.django_db
class TestNomenklatur:
    def test_levels_and_parents_follow_from_the_code(self, nomen):
        program = nomen("1.02.02")
        kegiatan = nomen("1.02.02.2.01")
        sub = nomen("1.02.02.2.01.0001")
        assert (program.tingkat, kegiatan.tingkat, sub.tingkat) == ("program", "kegiatan", "sub_kegiatan")
        assert (kegiatan.induk, sub.induk) == (program, kegiatan)
        assert (sub.urusan, sub.bidang, sub.program, sub.kegiatan, sub.sub_kegiatan) == (
            "1", "02", "02", "2.01", "0001",
        )  # fmt: skip
        assert sub.versi == V2023

    def test_malformed_code(self, nomen):
        with pytest.raises(ValidationError) as exc:
            nomen("1.2.02")
        assert "tidak sesuai format Permendagri 90/2019" in _pesan(exc, "kode")

    def test_version_2021_needs_two_digit_sub_kegiatan(self, nomen):
        nomen("1.02.02", versi=V2021)
        nomen("1.02.02.2.01", versi=V2021)
        with pytest.raises(ValidationError) as exc:
            nomen("1.02.02.2.01.0001", versi=V2021)
        assert "050-5889/2021 memakai kode sub kegiatan 2 angka" in _pesan(exc, "kode")
        assert nomen("1.02.02.2.01.01", versi=V2021).sub_kegiatan == "01"

    def test_version_2023_needs_four_digit_sub_kegiatan(self, nomen):
        nomen("1.02.02")
        nomen("1.02.02.2.01")
        with pytest.raises(ValidationError) as exc:
            nomen("1.02.02.2.01.01")
        assert "900.1.15.5-1317/2023 memakai kode sub kegiatan 4 angka" in _pesan(exc, "kode")

    def test_child_code_must_extend_an_existing_parent(self, nomen):
        nomen("1.02.02")
        with pytest.raises(ValidationError) as exc:
            nomen("1.02.03.2.01")
        assert "harus berada di bawah program 1.02.03" in _pesan(exc, "kode")
        with pytest.raises(ValidationError) as exc:
            nomen("1.02.02.2.01.0001")
        assert "di bawah kegiatan 1.02.02.2.01" in _pesan(exc, "kode")

    def test_child_keeps_the_parents_version(self, nomen):
        nomen("1.02.02", versi=V2021)
        with pytest.raises(ValidationError) as exc:
            nomen("1.02.02.2.01", versi=V2023)
        assert "Versi nomenklatur harus sama dengan induknya" in _pesan(exc, "versi")

    def test_opd_must_carry_the_urusan_but_penunjang_is_for_everyone(self, nomen, two_opds):
        with pytest.raises(ValidationError) as exc:
            nomen("1.03.10")
        assert "Urusan 1.03 tidak diampu Dinkes" in _pesan(exc, "kode")
        assert nomen("1.03.10", opd=two_opds.opd_b).opd == two_opds.opd_b
        assert nomen("X.XX.01").kode == "X.XX.01"
        with pytest.raises(ValidationError) as exc:
            nomen("1.XX.01")
        assert "X.XX" in _pesan(exc, "kode")

    def test_duplicate_code_refused(self, nomen):
        nomen("1.02.02")
        with pytest.raises(ValidationError) as exc:
            nomen("1.02.02")
        assert "sudah ada" in _pesan(exc, "kode")

    @pytest.mark.parametrize("role", ["kepala_a", "operator_a", "pimpinan"])
    def test_only_bappeda_adds(self, nomen, two_opds, role):
        with pytest.raises(PermissionDenied):
            nomen("1.02.02", user=getattr(two_opds.users, role))
        assert not Nomenklatur.objects.exists()

    def test_pagu_per_year(self, nomen, two_opds):
        program = nomen("1.02.02")
        bappeda = two_opds.users.bappeda
        services.atur_pagu(user=bappeda, nomenklatur=program, tahun=2025, jumlah=Decimal("1500000000"))
        services.atur_pagu(user=bappeda, nomenklatur=program, tahun=2025, jumlah=Decimal("1750000000"))
        assert list(program.pagu.values_list("tahun", "jumlah")) == [(2025, Decimal("1750000000"))]
        with pytest.raises(ValidationError, match="di luar periode"):
            services.atur_pagu(user=bappeda, nomenklatur=program, tahun=2031, jumlah=Decimal(1))
        with pytest.raises(ValidationError, match="negatif"):
            services.atur_pagu(user=bappeda, nomenklatur=program, tahun=2026, jumlah=Decimal(-1))
        services.atur_pagu(user=bappeda, nomenklatur=program, tahun=2025, jumlah=None)
        assert not program.pagu.exists()


def _setujui_semua(users, indikator):
    services.setujui_rpjmd(user=users.bappeda, periode=indikator.periode)
    renstra = services.renstra_butir(indikator)
    services.setujui_renstra(user=users.bappeda, renstra=renstra)
    return renstra


@pytest.mark.django_db
class TestUbahTarget:
    def _target(self, indikator, tahun=2026):
        return Target.objects.get(indikator=indikator, tahun=tahun)

    def test_before_approval_a_plain_update(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        target = services.ubah_target(
            user=two_opds.users.bappeda, target=self._target(indikator), nilai=Decimal("83"),
            nilai_atas=Decimal("85"), tw1=Decimal("20"), tw4=Decimal("83"),
        )  # fmt: skip
        target.refresh_from_db()
        assert (target.nilai, target.nilai_atas, target.tw1, target.tw4) == (83, 85, 20, 83)
        assert not RevisiTarget.objects.exists()

    def test_after_approval_a_revision_needs_basis_and_reason(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        _setujui_semua(two_opds.users, indikator)
        target = self._target(indikator)
        with pytest.raises(ValidationError) as exc:
            services.ubah_target(user=two_opds.users.bappeda, target=target, nilai=Decimal("84"))
        assert "tuliskan alasan perubahan target" in _pesan(exc, "alasan")
        assert "Pilih dasar perubahan" in _pesan(exc, "jenis")
        target.refresh_from_db()
        assert target.nilai == Decimal("82")  # unchanged

        services.ubah_target(
            user=two_opds.users.bappeda, target=target, nilai=Decimal("84"), nilai_atas=Decimal("86"),
            jenis="perubahan_renstra", alasan="  Hasil evaluasi paruh waktu Renstra.  ",
        )  # fmt: skip
        revisi = RevisiTarget.objects.get()
        assert (revisi.nilai_lama, revisi.nilai_atas_lama, revisi.nilai_baru, revisi.nilai_atas_baru) == (
            82, None, 84, 86,
        )  # fmt: skip
        assert (revisi.jenis, revisi.alasan, revisi.oleh) == (
            "perubahan_renstra", "Hasil evaluasi paruh waktu Renstra.", two_opds.users.bappeda,
        )  # fmt: skip
        # The audit history carries the reason with the change.
        event = pghistory.models.Events.objects.tracks(target).filter(pgh_label="update").get()
        assert event.pgh_context["alasan"] == "Hasil evaluasi paruh waktu Renstra."

    def test_no_change_no_revision(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        _setujui_semua(two_opds.users, indikator)
        services.ubah_target(user=two_opds.users.bappeda, target=self._target(indikator), nilai=Decimal("82"))
        assert not RevisiTarget.objects.exists()

    def test_range_must_be_ordered(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        with pytest.raises(ValidationError) as exc:
            services.ubah_target(
                user=two_opds.users.bappeda, target=self._target(indikator), nilai=Decimal("90"),
                nilai_atas=Decimal("80"),
            )  # fmt: skip
        assert "Batas atas tidak boleh lebih kecil" in _pesan(exc, "nilai_atas")

    def test_operator_never_changes_targets(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        with pytest.raises(PermissionDenied):
            services.ubah_target(
                user=two_opds.users.operator_a, target=self._target(indikator), nilai=Decimal(1)
            )
        with pytest.raises(Http404):
            services.ubah_target(
                user=two_opds.users.operator_b, target=self._target(indikator), nilai=Decimal(1)
            )
        assert self._target(indikator).nilai == Decimal("82")

    def test_kepala_opd_while_the_renstra_is_a_draft(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        services.ubah_target(
            user=two_opds.users.kepala_a, target=self._target(indikator), nilai=Decimal("81")
        )
        assert self._target(indikator).nilai == Decimal("81")
        with pytest.raises(Http404):
            services.ubah_target(
                user=two_opds.users.kepala_b, target=self._target(indikator), nilai=Decimal(1)
            )

        _setujui_semua(two_opds.users, indikator)
        with pytest.raises(PermissionDenied, match="Renstra sudah disetujui"):
            services.ubah_target(
                user=two_opds.users.kepala_a, target=self._target(indikator), nilai=Decimal("80"),
                jenis="perubahan_renstra", alasan="ingin diubah",
            )  # fmt: skip
        assert not RevisiTarget.objects.exists()

    def test_kepala_opd_does_not_change_rpjmd_targets(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a, sasaran=SasaranFactory())
        with pytest.raises(PermissionDenied, match="Target indikator RPJMD hanya diubah oleh Bappeda"):
            services.ubah_target(
                user=two_opds.users.kepala_a, target=self._target(indikator), nilai=Decimal(1)
            )

    def test_rpjmd_indicator_follows_the_rpjmd_approval(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a, sasaran=SasaranFactory())
        assert not services.perlu_alasan(indikator)
        services.setujui_rpjmd(user=two_opds.users.bappeda, periode=indikator.periode)
        indikator.periode.refresh_from_db()
        assert services.perlu_alasan(indikator)

    def test_new_target_after_approval_needs_a_reason_too(self, two_opds):
        indikator = IndikatorFactory(
            opd=two_opds.opd_a, targets={2025: 80, 2026: 82, 2027: 84, 2028: 86, 2029: 88}
        )
        _setujui_semua(two_opds.users, indikator)
        Target.objects.filter(indikator=indikator, tahun=2029).delete()
        with pytest.raises(ValidationError, match="alasan"):
            services.buat_target(
                user=two_opds.users.bappeda, indikator=indikator, tahun=2029, nilai=Decimal(90)
            )
        services.buat_target(
            user=two_opds.users.bappeda, indikator=indikator, tahun=2029, nilai=Decimal(90), jenis="koreksi",
            alasan="Target 2029 tertinggal saat input.",
        )  # fmt: skip
        with pytest.raises(ValidationError, match="di luar periode"):
            services.buat_target(
                user=two_opds.users.bappeda, indikator=indikator, tahun=2030, nilai=Decimal(90),
                jenis="koreksi",
                alasan="x",
            )  # fmt: skip


@pytest.mark.django_db
class TestPersetujuan:
    def test_rpjmd_approval_by_bappeda_with_complete_targets(self, two_opds):
        sasaran = SasaranFactory()
        periode = sasaran.tujuan.misi.periode
        indikator = IndikatorFactory(opd=two_opds.opd_a, sasaran=sasaran, targets={2025: 70})
        with pytest.raises(PermissionDenied, match="Hanya Bappeda"):
            services.setujui_rpjmd(user=two_opds.users.kepala_a, periode=periode)
        with pytest.raises(ValidationError, match="1 indikator belum memiliki target untuk setiap tahun"):
            services.setujui_rpjmd(user=two_opds.users.bappeda, periode=periode)
        for tahun in range(2026, 2030):
            services.buat_target(
                user=two_opds.users.bappeda, indikator=indikator, tahun=tahun, nilai=Decimal(70)
            )
        services.setujui_rpjmd(user=two_opds.users.bappeda, periode=periode)
        periode.refresh_from_db()
        assert periode.status == StatusRencana.DISETUJUI and periode.disetujui_pada
        with pytest.raises(ValidationError, match="sudah disetujui"):
            services.setujui_rpjmd(user=two_opds.users.bappeda, periode=periode)

    def test_renstra_after_the_rpjmd_and_the_kepala_is_told(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        renstra = services.renstra_butir(indikator)
        with pytest.raises(ValidationError, match="Setujui RPJMD terlebih dahulu"):
            services.setujui_renstra(user=two_opds.users.bappeda, renstra=renstra)
        services.setujui_rpjmd(user=two_opds.users.bappeda, periode=indikator.periode)
        with pytest.raises(PermissionDenied):
            services.setujui_renstra(user=two_opds.users.kepala_a, renstra=renstra)
        services.setujui_renstra(user=two_opds.users.bappeda, renstra=renstra)
        renstra.refresh_from_db()
        assert renstra.status == StatusRencana.DISETUJUI
        notif = Notifikasi.objects.get()
        assert notif.penerima == two_opds.users.kepala_a
        assert notif.judul == "Renstra Dinkes disetujui"

    def test_nodes_are_not_deleted_after_approval(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        _setujui_semua(two_opds.users, indikator)
        with pytest.raises(ValidationError, match="tidak dapat dihapus"):
            services.hapus_butir(user=two_opds.users.bappeda, butir=indikator.sasaran_pd)
        with pytest.raises(ValidationError, match="tidak dapat dihapus"):
            services.hapus_indikator(user=two_opds.users.bappeda, indikator=indikator)


@pytest.mark.django_db
class TestButirDanIndikator:
    def test_kepala_edits_own_draft_renstra_statement_but_adds_nothing(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        sasaran_pd = indikator.sasaran_pd
        services.ubah_butir(user=two_opds.users.kepala_a, butir=sasaran_pd, nomor="1", uraian="Diperbaiki")
        sasaran_pd.refresh_from_db()
        assert sasaran_pd.uraian == "Diperbaiki"
        with pytest.raises(PermissionDenied):
            services.buat_butir(
                user=two_opds.users.kepala_a, jenis="sasaran_pd", induk=sasaran_pd.tujuan, nomor="2",
                uraian="x",
                sasaran_rpjmd=sasaran_pd.sasaran_rpjmd,
            )  # fmt: skip
        with pytest.raises(Http404):
            services.ubah_butir(user=two_opds.users.kepala_b, butir=sasaran_pd, nomor="1", uraian="x")
        with pytest.raises(PermissionDenied):
            services.ubah_butir(
                user=two_opds.users.kepala_a, butir=sasaran_pd.sasaran_rpjmd, nomor="1", uraian="x"
            )

    def test_sasaran_pd_supports_a_sasaran_of_the_same_period(self, two_opds):
        renstra = RenstraFactory(opd=two_opds.opd_a, periode=PeriodeFactory())
        tujuan = services.buat_butir(
            user=two_opds.users.bappeda, jenis="tujuan_pd", induk=renstra, nomor="1", uraian="T"
        )
        lain = SasaranFactory(tujuan__misi=MisiFactory(periode=PeriodeFactory(tahun_awal=2030)))
        with pytest.raises(ValidationError) as exc:
            services.buat_butir(
                user=two_opds.users.bappeda, jenis="sasaran_pd", induk=tujuan, nomor="1.1", uraian="S",
                sasaran_rpjmd=lain,
            )  # fmt: skip
        assert "periode yang sama" in _pesan(exc, "sasaran_rpjmd")

    def test_indicator_with_targets_and_its_opd(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        bappeda = two_opds.users.bappeda
        data = {"nama": "Cakupan imunisasi dasar lengkap", "satuan": "%", "polaritas": "positif",
                "sifat": "nilai_akhir", "kondisi_awal_tahun": 2024,
                "kondisi_awal": Decimal("88.5")}  # fmt: skip
        baru = services.buat_indikator(
            user=bappeda,
            simpul=indikator.sasaran_pd,
            kode="IMUN-01",
            targets={2025: 90, 2026: (91, 93)},
            **data,
        )
        assert baru.opd == two_opds.opd_a  # the Renstra's OPD by default
        assert list(baru.target.values_list("tahun", "nilai", "nilai_atas")) == [
            (2025, 90, None),
            (2026, 91, 93),
        ]
        with pytest.raises(ValidationError) as exc:
            services.buat_indikator(
                user=bappeda, simpul=indikator.sasaran_pd, kode="IMUN-02", opd=two_opds.opd_b, **data
            )
        assert "dipertanggungjawabkan OPD pemiliknya" in _pesan(exc, "opd")
        with pytest.raises(ValidationError) as exc:
            services.buat_indikator(user=bappeda, simpul=indikator.sasaran_pd, kode="IMUN-01", **data)
        assert "sudah dipakai" in _pesan(exc, "kode")
        with pytest.raises(ValidationError) as exc:
            services.buat_indikator(
                user=bappeda,
                simpul=indikator.sasaran_pd,
                kode="IMUN-03",
                **{**data, "kondisi_awal_tahun": 2027},
            )
        assert "paling lambat 2025" in _pesan(exc, "kondisi_awal_tahun")
        with pytest.raises(PermissionDenied):
            services.buat_indikator(
                user=two_opds.users.kepala_a, simpul=indikator.sasaran_pd, kode="X", **data
            )
        assert Indikator.objects.count() == 2

    def test_final_target_change_after_approval_needs_a_reason(self, two_opds):
        indikator = IndikatorFactory(opd=two_opds.opd_a)
        _setujui_semua(two_opds.users, indikator)
        indikator = Indikator.objects.get(pk=indikator.pk)
        services.ubah_indikator(user=two_opds.users.bappeda, indikator=indikator, sumber_data="Dinkes")
        with pytest.raises(ValidationError, match="alasan"):
            services.ubah_indikator(
                user=two_opds.users.bappeda, indikator=indikator, target_akhir=Decimal(95)
            )
        indikator = Indikator.objects.get(pk=indikator.pk)
        services.ubah_indikator(
            user=two_opds.users.bappeda, indikator=indikator, target_akhir=Decimal(95),
            jenis="perubahan_rpjmd",
            alasan="Perubahan RPJMD 2027.",
        )  # fmt: skip
        event = pghistory.models.Events.objects.tracks(indikator).filter(pgh_label="update").last()
        assert event.pgh_context["alasan"] == "Perubahan RPJMD 2027."


@pytest.mark.django_db
class TestForms:
    def test_target_form_reads_indonesian_numbers(self):
        form = TargetForm({"nilai": "1.234,5", "nilai_atas": "", "tw1": "300"})
        assert form.is_valid(), form.errors
        assert (form.cleaned_data["nilai"], form.cleaned_data["nilai_atas"], form.cleaned_data["tw1"]) == (
            Decimal("1234.5"), None, Decimal("300"),
        )  # fmt: skip
        form = TargetForm({"nilai": "1,234.5"})
        assert not form.is_valid()
        assert "Gunakan format Indonesia" in form.errors["nilai"][0]

    def test_revision_fields_only_after_approval(self):
        assert "alasan" not in TargetForm()
        assert "alasan" in TargetForm(perlu_alasan=True).fields

    def test_indicator_form_has_a_target_per_year(self, db):
        form = IndikatorForm(periode=PeriodeRpjmd(tahun_awal=2025, tahun_akhir=2029))
        assert [f for f in form.fields if f.startswith("target_20")] == [
            f"target_{t}{s}" for t in range(2025, 2030) for s in ("", "_atas")
        ]
        assert Tingkat.PROGRAM  # the level choices are shared with the API filter
