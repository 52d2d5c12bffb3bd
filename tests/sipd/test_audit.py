"""The audit trail (pghistory triggers): every write is recorded, even bulk ones, with who made it."""

import pghistory
import pytest
from pghistory.models import Events

from opd.models import Pegawai
from sipd.models import Pemda
from tests.factories import PegawaiFactory, nip_for

PegawaiEvent = Pegawai.pgh_event_models["update"]
PemdaEvent = Pemda.pgh_event_models["update"]


def _labels(obj) -> list[str]:
    return list(
        Events.objects.tracks(obj).order_by("pgh_created_at", "pgh_id").values_list("pgh_label", flat=True)
    )


@pytest.mark.django_db
class TestTriggers:
    def test_create_records_an_insert_event(self, two_opds):
        pegawai = PegawaiFactory(opd=two_opds.opd_a, jabatan="Analis Kebijakan")
        event = PegawaiEvent.objects.get(pgh_obj_id=pegawai.pk)
        assert event.pgh_label == "insert"
        assert event.jabatan == "Analis Kebijakan"
        assert event.opd_id == two_opds.opd_a.pk

    def test_queryset_update_is_recorded(self, two_opds):
        pegawai = two_opds.pegawai_a
        count = Pegawai.objects.filter(pk=pegawai.pk).update(jabatan="Kepala Seksi Surveilans")
        assert count == 1
        event = PegawaiEvent.objects.filter(pgh_obj_id=pegawai.pk).latest("pgh_id")
        assert (event.pgh_label, event.jabatan) == ("update", "Kepala Seksi Surveilans")
        diff = Events.objects.tracks(pegawai).get(pgh_id=event.pgh_id).pgh_diff
        assert diff["jabatan"] == ["Analis Kebijakan", "Kepala Seksi Surveilans"]

    def test_bulk_update_is_recorded_for_every_row(self, two_opds):
        rows = [two_opds.pegawai_a, two_opds.pegawai_b, two_opds.honorer_a]
        for i, row in enumerate(rows):
            row.jabatan = f"Pengelola Data {i}"
        Pegawai.objects.bulk_update(rows, ["jabatan"])
        updates = PegawaiEvent.objects.filter(pgh_label="update").order_by("pgh_obj_id")
        assert sorted(updates.values_list("pgh_obj_id", "jabatan")) == sorted(
            (row.pk, row.jabatan) for row in rows
        )

    def test_update_that_changes_nothing_records_nothing(self, two_opds):
        pegawai = two_opds.pegawai_a
        Pegawai.objects.filter(pk=pegawai.pk).update(jabatan=pegawai.jabatan)
        assert _labels(pegawai) == ["insert"]

    def test_delete_is_recorded_and_the_history_survives(self, two_opds):
        pegawai = PegawaiFactory(opd=two_opds.opd_b, nip=nip_for(7, tmt="201503"))
        pk = pegawai.pk
        Pegawai.objects.filter(pk=pk).update(jabatan="Pranata Komputer")
        pegawai.delete()
        events = PegawaiEvent.objects.filter(pgh_obj_id=pk).order_by("pgh_id")
        assert list(events.values_list("pgh_label", "jabatan")) == [
            ("insert", "Analis Kebijakan"),
            ("update", "Pranata Komputer"),
            ("delete", "Pranata Komputer"),
        ]

    def test_raw_sql_is_recorded(self, two_opds):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("UPDATE opd_pegawai SET aktif = false WHERE id = %s", [two_opds.pegawai_b.pk])
        assert _labels(two_opds.pegawai_b) == ["insert", "update"]


def _pemda_data(**overrides):
    data = {"jenis": "kabupaten", "nama": "Sukamaju", "kode_wilayah": "32.15", "alamat": "Jl. Merdeka 1"}
    return {**data, **overrides}


@pytest.mark.django_db
class TestRequestContext:
    def test_change_through_a_request_records_the_username(self, two_opds, login):
        admin = two_opds.users.admin
        response = login(admin).post("/pemda/", _pemda_data())
        assert response.status_code == 302
        event = PemdaEvent.objects.get()
        assert event.pgh_label == "insert"
        assert event.pgh_context.metadata == {"user": admin.pk, "username": "admin1", "url": "/pemda/"}

        response = login(admin).post("/pemda/", _pemda_data(nama="Sukamakmur"))
        assert response.status_code == 302
        update = PemdaEvent.objects.filter(pgh_label="update").get()
        assert update.nama == "Sukamakmur"
        assert update.pgh_context.metadata["username"] == "admin1"

    def test_change_outside_a_request_has_no_context(self, two_opds):
        Pegawai.objects.filter(pk=two_opds.pegawai_a.pk).update(jabatan="Sekretaris")
        assert PegawaiEvent.objects.filter(pgh_label="update").get().pgh_context is None


@pytest.mark.django_db
class TestRiwayatPage:
    def _url(self, obj, app="opd", model="pegawai"):
        return f"/riwayat/{app}/{model}/{obj.pk}/"

    def _change_jabatan(self, pegawai, jabatan, username="bkpsdm1"):
        with pghistory.context(username=username):
            Pegawai.objects.filter(pk=pegawai.pk).update(jabatan=jabatan)

    @pytest.mark.parametrize("role", ["bappeda", "admin"])
    def test_lists_the_change_with_old_and_new_value_and_who(self, two_opds, login, role):
        pegawai = two_opds.pegawai_b
        self._change_jabatan(pegawai, "Kepala Bidang Bina Marga")
        response = login(getattr(two_opds.users, role)).get(self._url(pegawai))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Riwayat perubahan" in content
        assert '<del class="text-danger">Analis Kebijakan</del>' in content
        assert '<ins class="text-success">Kepala Bidang Bina Marga</ins>' in content
        assert "bkpsdm1" in content
        # Newest first: the update row comes before the insert row.
        assert content.index("diubah") < content.index("dibuat")

    def test_change_without_context_is_shown_as_sistem(self, two_opds, login):
        Pegawai.objects.filter(pk=two_opds.pegawai_a.pk).update(jabatan="Sekretaris")
        content = login(two_opds.users.bappeda).get(self._url(two_opds.pegawai_a)).content.decode()
        assert "<td>sistem</td>" in content

    @pytest.mark.parametrize("role", ["operator_b", "operator_a", "kepala_a", "pimpinan", "kepegawaian"])
    def test_other_roles_are_refused(self, two_opds, login, role):
        response = login(getattr(two_opds.users, role)).get(self._url(two_opds.pegawai_a))
        assert response.status_code == 403

    @pytest.mark.parametrize(
        "path",
        [
            "/riwayat/sipd/notifikasi/1/",  # a model without aturan_akses
            "/riwayat/sipd/user/1/",  # accounts are not browsable through history
            "/riwayat/opd/tidakada/1/",  # unknown model
            "/riwayat/tidakada/pegawai/1/",  # unknown app
            "/riwayat/opd/pegawai/999999/",  # unknown object
        ],
    )
    def test_unknown_or_untracked_models_are_404(self, two_opds, login, path):
        assert login(two_opds.users.bappeda).get(path).status_code == 404

    def test_pemda_history_shows_the_admin_who_saved(self, two_opds, login):
        admin = login(two_opds.users.admin)
        admin.post("/pemda/", _pemda_data())
        admin.post("/pemda/", _pemda_data(nama="Sukamakmur"))
        pemda = Pemda.objects.get()
        content = admin.get(self._url(pemda, "sipd", "pemda")).content.decode()
        assert '<del class="text-danger">Sukamaju</del>' in content
        assert '<ins class="text-success">Sukamakmur</ins>' in content
        assert "<td>admin1</td>" in content

    def test_private_data_in_the_history_is_masked_like_everywhere_else(self, two_opds, login):
        honorer = two_opds.honorer_a
        old_nik = honorer.nik
        new_nik = "3215014907950002"
        Pegawai.objects.filter(pk=honorer.pk).update(nik=new_nik, upah_bpjs=2_500_000)

        bappeda = login(two_opds.users.bappeda).get(self._url(honorer)).content.decode()
        assert old_nik not in bappeda
        assert new_nik not in bappeda
        assert new_nik[:4] + "•" * 10 + new_nik[-2:] in bappeda
        assert "2.500.000" not in bappeda and "2.000.000" not in bappeda
        assert "disembunyikan" in bappeda

        admin = login(two_opds.users.admin).get(self._url(honorer)).content.decode()
        assert old_nik in admin and new_nik in admin
        assert '<del class="text-danger">2.000.000</del>' in admin
        assert '<ins class="text-success">2.500.000</ins>' in admin
