from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from opd.choices import StatusPegawai
from opd.models import Opd, Pegawai


def pohon_opd(user) -> list[dict]:
    """The OPD tree in one query: [{'opd': Opd, 'anak': [...]}, ...], each node with its staff count."""
    rows = list(
        Opd.objects.visible_to(user)
        .select_related("kepala", "pelaksana")
        .annotate(jumlah_pegawai=jumlah_pegawai_aktif())
        .order_by("urutan", "kode")
    )
    nodes = {row.pk: {"opd": row, "anak": []} for row in rows}
    roots = []
    for row in rows:
        parent = nodes.get(row.induk_id)
        (parent["anak"] if parent else roots).append(nodes[row.pk])
    return roots


def rekap_pegawai(queryset) -> dict[str, int]:
    """Counts by status, one query."""
    counts = queryset.filter(aktif=True).aggregate(
        total=Count("pk"),
        **{status: Count("pk", filter=Q(status=status)) for status in StatusPegawai.values},
    )
    return counts


def pegawai_list(user):
    return Pegawai.objects.visible_to(user).select_related("opd", "unit")


def jumlah_pegawai_aktif():
    """Active staff of an OPD row: all staff of a perangkat daerah, or those placed in the unit."""
    base = Pegawai.objects.filter(aktif=True).order_by().values("aktif")
    count = Count("pk")
    by_opd = Subquery(base.filter(opd=OuterRef("pk")).annotate(n=count).values("n")[:1])
    by_unit = Subquery(base.filter(unit=OuterRef("pk")).annotate(n=count).values("n")[:1])
    return Coalesce(by_opd, 0, output_field=IntegerField()) + Coalesce(
        by_unit, 0, output_field=IntegerField()
    )
