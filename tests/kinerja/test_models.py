"""Database invariants of the planning tree."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from kinerja.choices import Tingkat
from kinerja.models import Indikator, Nomenklatur, Target
from tests.kinerja.factories import IndikatorFactory, ProgramFactory, SasaranFactory, SubKegiatanFactory

pytestmark = pytest.mark.django_db


def test_factories_build_a_whole_branch():
    indikator = IndikatorFactory()
    assert indikator.sasaran_pd.tujuan.renstra.opd == indikator.opd
    assert list(indikator.target.values_list("tahun", flat=True)) == [2025, 2026, 2027, 2028, 2029]
    sub = SubKegiatanFactory()
    assert sub.kode.startswith("1.02.") and len(sub.kode.split(".")) == 6
    assert sub.induk.tingkat == Tingkat.KEGIATAN and sub.induk.induk.tingkat == Tingkat.PROGRAM


def test_indicator_hangs_off_exactly_one_node():
    indikator = IndikatorFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.filter(pk=indikator.pk).update(sasaran=SasaranFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.filter(pk=indikator.pk).update(sasaran_pd=None)


def test_range_target_must_be_ordered():
    indikator = IndikatorFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.filter(indikator=indikator, tahun=2025).update(nilai_atas=Decimal("10"))


def test_segments_must_match_the_level():
    program = ProgramFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomenklatur.objects.filter(pk=program.pk).update(kegiatan="2.01")
