"""The permission layer: rows by role and by OPD, and a refused user of another OPD."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from opd.models import Opd, Pegawai
from sipd import access


@pytest.mark.django_db
class TestVisibleTo:
    def test_global_roles_see_every_pegawai(self, two_opds):
        for user in (two_opds.users.admin, two_opds.users.bappeda, two_opds.users.pimpinan):
            assert Pegawai.objects.visible_to(user).count() == 3

    def test_opd_roles_see_only_their_opd(self, two_opds):
        names = set(Pegawai.objects.visible_to(two_opds.users.operator_a).values_list("nama", flat=True))
        assert names == {"Siti Aminah", "Rina Honorer"}
        assert list(Pegawai.objects.visible_to(two_opds.users.kepala_b).values_list("nama", flat=True)) == [
            "Budi Santoso"
        ]

    def test_user_without_role_sees_nothing(self, two_opds):
        assert not Pegawai.objects.visible_to(two_opds.users.tanpa_peran).exists()
        assert not Opd.objects.visible_to(two_opds.users.tanpa_peran).exists()

    def test_directory_is_visible_to_every_role(self, two_opds):
        assert Opd.objects.visible_to(two_opds.users.operator_b).count() == 2

    def test_other_opd_object_is_404_own_unchangeable_is_403(self, two_opds):
        operator_a = two_opds.users.operator_a
        with pytest.raises(Http404):
            access.get_visible_or_404(Pegawai.objects.all(), operator_a, pk=two_opds.pegawai_b.pk)
        with pytest.raises(PermissionDenied):
            access.require(operator_a, access.CHANGE, two_opds.pegawai_a)
        with pytest.raises(Http404):
            access.require(operator_a, access.CHANGE, two_opds.pegawai_b)

    def test_write_check_matches_queryset(self, two_opds):
        for user in vars(two_opds.users).values():
            for pegawai in Pegawai.objects.all():
                for action in (access.VIEW, access.CHANGE):
                    visible = Pegawai.objects.visible_to(user, action).filter(pk=pegawai.pk).exists()
                    assert access.can(user, action, pegawai) == visible, (user, action, pegawai)

    def test_user_with_roles_in_two_opds_sees_both(self, two_opds):
        from opd.models import PenugasanPeran

        user = two_opds.users.operator_a
        PenugasanPeran.objects.create(user=user, peran="operator_opd", opd=two_opds.opd_b)
        assert Pegawai.objects.visible_to(user).count() == 3

    def test_inactive_user_sees_nothing(self, two_opds):
        user = two_opds.users.admin
        user.is_active = False
        assert not Pegawai.objects.visible_to(user).exists()
