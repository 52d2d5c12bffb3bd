"""Property: the SQL engine and the pure calculators give the same capaian and predikat for any input."""

from decimal import Decimal as D

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from kinerja.calculations import batasi, capaian, predikat, realisasi_tahunan, target_sd_triwulan
from kinerja.models import Indikator, Realisasi, SkorIndikator, Target
from tests.kinerja.skor_data import TAHUN, pohon

angka = st.decimals(min_value=0, max_value=100_000, places=4, allow_nan=False, allow_infinity=False)
nilai_tw = st.one_of(st.none(), angka, st.just(D(0)))
kasus = st.fixed_dictionaries(
    {
        "polaritas": st.sampled_from(["positif", "negatif"]),
        "sifat": st.sampled_from(["kumulatif", "nilai_akhir", "rata_rata"]),
        "target": st.one_of(st.none(), st.just(D(0)), angka),
        "lebar": st.one_of(st.none(), angka),  # a range target: target + lebar
        "tw_target": st.lists(st.one_of(st.none(), angka), min_size=4, max_size=4),
        "nilai": st.lists(nilai_tw, min_size=4, max_size=4),
    }
)


def _python(k, tw, rumus):
    nilai_tw = k["nilai"][:tw]
    target = None
    if k["target"] is not None:
        target = target_sd_triwulan(k["target"], k["tw_target"], tw, k["sifat"])
    atas = None
    if k["target"] is not None and k["lebar"] is not None and k["tw_target"][tw - 1] is None:
        atas = k["target"] + k["lebar"]
    c = capaian(target, realisasi_tahunan(nilai_tw, k["sifat"]), k["polaritas"], target_atas=atas,
                rumus_negatif=rumus)  # fmt: skip
    return c, predikat(c), batasi(c)


def _cocok(sql, py):
    return (sql is None and py is None) or (sql is not None and py is not None and abs(sql - py) < D("1e-9"))


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(kasus, min_size=1, max_size=12), st.sampled_from(["2T-R", "T/R"]))
def test_sql_agrees_with_the_calculators(two_opds, settings, daftar, rumus):
    from kinerja.services.skor import hitung_skor

    settings.SIPD_CAPAIAN_NEGATIF = rumus
    Indikator.objects.all().delete()
    p = getattr(two_opds, "pohon", None) or pohon(two_opds.opd_a, two_opds.opd_b)
    two_opds.pohon = p
    inds = Indikator.objects.bulk_create(
        [Indikator(periode=p.periode, opd=two_opds.opd_a, sasaran_pd=p.spd_a, kode=f"P{i}", nama=f"P{i}",
                   satuan="%", polaritas=k["polaritas"], sifat=k["sifat"]) for i, k in enumerate(daftar)]
    )  # fmt: skip
    Target.objects.bulk_create(
        [Target(indikator=ind, tahun=TAHUN, nilai=k["target"],
                nilai_atas=None if k["lebar"] is None else k["target"] + k["lebar"],
                tw1=k["tw_target"][0], tw2=k["tw_target"][1], tw3=k["tw_target"][2], tw4=k["tw_target"][3])
         for ind, k in zip(inds, daftar, strict=True) if k["target"] is not None]
    )  # fmt: skip
    Realisasi.objects.bulk_create(
        [Realisasi(indikator=ind, tahun=TAHUN, triwulan=tw + 1, nilai=v)
         for ind, k in zip(inds, daftar, strict=True) for tw, v in enumerate(k["nilai"])]
    )  # fmt: skip
    hitung_skor(tahun=TAHUN)
    rows = {(s.indikator_id, s.triwulan): s for s in SkorIndikator.objects.filter(tahun=TAHUN)}
    assert len(rows) == 4 * len(daftar)
    for ind, k in zip(inds, daftar, strict=True):
        for tw in range(1, 5):
            c, pred, terbatas = _python(k, tw, rumus)
            row = rows[ind.pk, tw]
            assert _cocok(row.capaian, c), (k, tw, row.capaian, c)
            assert _cocok(row.capaian_terbatas, terbatas), (k, tw)
            assert row.predikat == (pred or ""), (k, tw, row.capaian, c)
            assert row.terisi == (k["nilai"][tw - 1] is not None)
