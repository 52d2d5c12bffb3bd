"""The scoring engine: set-based SQL that materializes SkorIndikator and SkorRingkasan for a year.

Two statements per year, whatever the number of indicators: one upserts the indicator scores of the OPDs
asked for (every triwulan-to-date), one recomputes the roll-ups of the whole year from those rows (cheap:
they are already aggregated). Upserts only touch rows that change, so a re-run writes nothing; runs for the
same year take a transaction-level advisory lock, so two overlapping runs queue instead of interleaving.

The arithmetic is kinerja/calculations.py written in SQL; tests/kinerja/test_skor_sql.py checks with
hypothesis that both give the same numbers.

Public API for other services: `jadwalkan_hitung_ulang(opd_id, tahun)` after a realization or a target
changes (coalesced, after commit), `hitung_skor(tahun=..., opd_ids=...)` to compute now.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from kinerja.models import (
    BuktiDukung,
    Indikator,
    JadwalTriwulan,
    Misi,
    Nomenklatur,
    Pagu,
    PelaporanTriwulan,
    PeriodeRpjmd,
    Realisasi,
    RealisasiAnggaran,
    Sasaran,
    SasaranPd,
    SkorIndikator,
    SkorRingkasan,
    Target,
    Tujuan,
)

log = logging.getLogger(__name__)

KUNCI_ADVISORY = 4_2025  # first key of pg_advisory_xact_lock(key, tahun) for score runs
KUNCI_DASBOR = "kinerja:dasbor:versi"

_TABEL = (BuktiDukung, Indikator, JadwalTriwulan, Misi, Nomenklatur, Pagu, PelaporanTriwulan, PeriodeRpjmd,
          Realisasi, RealisasiAnggaran, Sasaran, SasaranPd, SkorIndikator, SkorRingkasan, Target,
          Tujuan)  # fmt: skip
T = {m.__name__: m._meta.db_table for m in _TABEL}


def _predikat_sql(expr: str) -> tuple[str, list]:
    """CASE expression giving the predikat label of `expr` (SIPD_PREDIKAT), '' for NULL."""
    parts, params = [f"CASE WHEN {expr} IS NULL THEN ''"], []
    for batas, label in settings.SIPD_PREDIKAT:
        if batas is None:
            parts.append("ELSE %s END")
            params.append(label)
        else:
            parts.append(f"WHEN {expr} >= %s THEN %s")
            params += [batas, label]
    return " ".join(parts), params


SQL_INDIKATOR = """
WITH ind AS (
  SELECT i.id, i.opd_id, i.periode_id, i.polaritas, i.sifat, prog.id AS program_id,
         COALESCE(i.sasaran_pd_id, prog.sasaran_pd_id) AS sasaran_pd_id, s.id AS sasaran_id, tj.misi_id,
         t.nilai AS t_nilai, t.nilai_atas AS t_atas, ARRAY[t.tw1, t.tw2, t.tw3, t.tw4] AS t_tw
  FROM {Indikator} i
  JOIN {PeriodeRpjmd} per ON per.id = i.periode_id AND %(tahun)s BETWEEN per.tahun_awal AND per.tahun_akhir
  LEFT JOIN {Target} t ON t.indikator_id = i.id AND t.tahun = %(tahun)s
  LEFT JOIN {Nomenklatur} n0 ON n0.id = i.nomenklatur_id
  LEFT JOIN {Nomenklatur} n1 ON n1.id = n0.induk_id
  LEFT JOIN {Nomenklatur} prog ON prog.id = COALESCE(n1.induk_id, n0.induk_id, n0.id)
  LEFT JOIN {SasaranPd} spd ON spd.id = COALESCE(i.sasaran_pd_id, prog.sasaran_pd_id)
  LEFT JOIN {Sasaran} s ON s.id = COALESCE(i.sasaran_id, prog.sasaran_id, spd.sasaran_rpjmd_id)
  LEFT JOIN {Tujuan} tj ON tj.id = COALESCE(i.tujuan_id, s.tujuan_id)
  WHERE %(semua)s OR i.opd_id = ANY(%(opd_ids)s)
),
r AS (  -- one row per indicator: its four triwulan values and whether each has evidence
  SELECT r.indikator_id,
         ARRAY[max(r.nilai) FILTER (WHERE r.triwulan = 1), max(r.nilai) FILTER (WHERE r.triwulan = 2),
               max(r.nilai) FILTER (WHERE r.triwulan = 3), max(r.nilai) FILTER (WHERE r.triwulan = 4)] AS v,
         ARRAY[bool_or(r.triwulan = 1 AND r.berbukti), bool_or(r.triwulan = 2 AND r.berbukti),
               bool_or(r.triwulan = 3 AND r.berbukti), bool_or(r.triwulan = 4 AND r.berbukti)] AS b
  FROM (SELECT r.indikator_id, r.triwulan, r.nilai,
               EXISTS (SELECT 1 FROM {BuktiDukung} b WHERE b.realisasi_id = r.id) AS berbukti
        FROM {Realisasi} r WHERE r.tahun = %(tahun)s) r
  JOIN ind ON ind.id = r.indikator_id
  GROUP BY r.indikator_id
),
agg AS (  -- every triwulan-to-date: the values of TW 1..tw
  SELECT ind.id, tw.tw, a.jumlah, a.rata, a.akhir,
         COALESCE(r.v[tw.tw] IS NOT NULL, false) AS terisi,
         COALESCE(r.v[tw.tw] IS NOT NULL AND r.b[tw.tw], false) AS berbukti
  FROM ind CROSS JOIN generate_series(1, 4) AS tw(tw)
  LEFT JOIN r ON r.indikator_id = ind.id
  CROSS JOIN LATERAL (
    SELECT sum(x) AS jumlah, sum(x)::numeric(50, 24) / NULLIF(count(x), 0) AS rata,
           (array_agg(x ORDER BY o DESC) FILTER (WHERE x IS NOT NULL))[1] AS akhir
    FROM unnest(r.v[1:tw.tw]) WITH ORDINALITY AS u(x, o)
  ) a
),
hasil AS (
  SELECT ind.id AS indikator_id, ind.opd_id, ind.periode_id, agg.tw, ind.sasaran_id, ind.sasaran_pd_id,
         ind.program_id, ind.misi_id, b.t, b.hi, b.r, d.capaian,
         CASE WHEN d.capaian IS NOT NULL THEN LEAST(GREATEST(d.capaian, 0), %(batas)s) END
           AS capaian_terbatas, {predikat} AS predikat,
         agg.terisi, agg.berbukti, COALESCE(pl.status = 'diverifikasi', false) AS terverifikasi
  FROM agg JOIN ind ON ind.id = agg.id
  LEFT JOIN {PelaporanTriwulan} pl
    ON pl.opd_id = ind.opd_id AND pl.tahun = %(tahun)s AND pl.triwulan = agg.tw
  -- 24 decimals in the divisions: as precise as Python's Decimal (28 digits) for any realistic value.
  -- the target to date: the triwulan target when there is one (kumulatif: their sum), else the year's
  CROSS JOIN LATERAL (SELECT
    CASE WHEN ind.t_tw[agg.tw] IS NULL THEN ind.t_nilai
         WHEN ind.sifat = 'kumulatif' THEN COALESCE(ind.t_tw[1], 0)
           + CASE WHEN agg.tw >= 2 THEN COALESCE(ind.t_tw[2], 0) ELSE 0 END
           + CASE WHEN agg.tw >= 3 THEN COALESCE(ind.t_tw[3], 0) ELSE 0 END
           + CASE WHEN agg.tw >= 4 THEN COALESCE(ind.t_tw[4], 0) ELSE 0 END
         ELSE ind.t_tw[agg.tw] END AS t,
    CASE WHEN ind.t_tw[agg.tw] IS NULL THEN ind.t_atas END AS hi,
    CASE ind.sifat WHEN 'kumulatif' THEN agg.jumlah WHEN 'nilai_akhir' THEN agg.akhir ELSE agg.rata END AS r
  ) b
  CROSS JOIN LATERAL (SELECT CASE WHEN b.hi IS NOT NULL AND b.r > b.hi THEN b.hi ELSE b.t END AS te) c
  CROSS JOIN LATERAL (SELECT CASE
    WHEN b.t IS NULL OR b.r IS NULL THEN NULL
    WHEN b.hi IS NOT NULL AND b.r BETWEEN b.t AND b.hi THEN 100::numeric
    WHEN c.te = 0 THEN NULL
    WHEN ind.polaritas = 'positif' THEN (b.r * 100)::numeric(50, 24) / c.te
    WHEN %(negatif)s = '2T-R' THEN ((2 * c.te - b.r) * 100)::numeric(50, 24) / c.te
    WHEN b.r = 0 THEN NULL
    ELSE (c.te * 100)::numeric(50, 24) / b.r END AS capaian
  ) d
),
hapus AS (
  DELETE FROM {SkorIndikator} old
  WHERE old.tahun = %(tahun)s AND (%(semua)s OR old.opd_id = ANY(%(opd_ids)s))
    AND NOT EXISTS (SELECT 1 FROM ind WHERE ind.id = old.indikator_id)
)
INSERT INTO {SkorIndikator} AS cur (indikator_id, opd_id, periode_id, tahun, triwulan, sasaran_id,
  sasaran_pd_id, program_id, misi_id, target, target_atas, realisasi, capaian, capaian_terbatas, predikat,
  terisi, berbukti, terverifikasi, dihitung)
SELECT indikator_id, opd_id, periode_id, %(tahun)s, tw, sasaran_id, sasaran_pd_id, program_id, misi_id, t, hi,
       r, capaian, capaian_terbatas, predikat, terisi, berbukti, terverifikasi, %(sekarang)s
FROM hasil ORDER BY indikator_id, tw
ON CONFLICT (indikator_id, tahun, triwulan) DO UPDATE SET
  opd_id = EXCLUDED.opd_id, periode_id = EXCLUDED.periode_id, sasaran_id = EXCLUDED.sasaran_id,
  sasaran_pd_id = EXCLUDED.sasaran_pd_id, program_id = EXCLUDED.program_id, misi_id = EXCLUDED.misi_id,
  target = EXCLUDED.target, target_atas = EXCLUDED.target_atas, realisasi = EXCLUDED.realisasi,
  capaian = EXCLUDED.capaian, capaian_terbatas = EXCLUDED.capaian_terbatas, predikat = EXCLUDED.predikat,
  terisi = EXCLUDED.terisi, berbukti = EXCLUDED.berbukti, terverifikasi = EXCLUDED.terverifikasi,
  dihitung = EXCLUDED.dihitung
WHERE (cur.opd_id, cur.periode_id, cur.sasaran_id, cur.sasaran_pd_id, cur.program_id, cur.misi_id, cur.target,
       cur.target_atas, cur.realisasi, cur.capaian, cur.capaian_terbatas, cur.predikat, cur.terisi,
       cur.berbukti, cur.terverifikasi)
  IS DISTINCT FROM
      (EXCLUDED.opd_id, EXCLUDED.periode_id, EXCLUDED.sasaran_id, EXCLUDED.sasaran_pd_id, EXCLUDED.program_id,
       EXCLUDED.misi_id, EXCLUDED.target, EXCLUDED.target_atas, EXCLUDED.realisasi, EXCLUDED.capaian,
       EXCLUDED.capaian_terbatas, EXCLUDED.predikat, EXCLUDED.terisi, EXCLUDED.berbukti,
       EXCLUDED.terverifikasi)
"""

SQL_RINGKASAN = """
WITH s AS (SELECT * FROM {SkorIndikator} WHERE tahun = %(tahun)s),
g AS (
  SELECT k.tingkat, k.objek_id, s.triwulan AS tw, min(s.periode_id) AS periode_id,
         CASE WHEN k.tingkat IN ('opd', 'sasaran_pd', 'program') THEN min(s.opd_id) END AS opd_id,
         avg(s.capaian_terbatas) AS capaian, count(*) AS jumlah_indikator,
         count(s.capaian) AS jumlah_capaian, count(*) FILTER (WHERE s.terisi) AS jumlah_terisi,
         count(*) FILTER (WHERE s.berbukti) AS jumlah_berbukti,
         count(*) FILTER (WHERE s.terverifikasi) AS jumlah_terverifikasi,
         ARRAY[{sebaran}]::integer[] AS sebaran_predikat
  FROM s CROSS JOIN LATERAL (VALUES ('misi', s.misi_id), ('sasaran', s.sasaran_id), ('opd', s.opd_id),
    ('sasaran_pd', s.sasaran_pd_id), ('program', s.program_id), ('rpjmd', s.periode_id))
    AS k(tingkat, objek_id)
  WHERE k.objek_id IS NOT NULL
  GROUP BY k.tingkat, k.objek_id, s.triwulan
),
misi AS (  -- the RPJMD as a whole: the mean over its misi
  SELECT periode_id, tw, avg(capaian) AS capaian FROM g WHERE tingkat = 'misi' GROUP BY periode_id, tw
),
unit AS (  -- budget items: a pagu this year and no descendant with one (no double counting)
  SELECT n.id, n.opd_id, n.periode_id, COALESCE(n1.induk_id, n.induk_id, n.id) AS program_id, p.jumlah
  FROM {Pagu} p JOIN {Nomenklatur} n ON n.id = p.nomenklatur_id
  JOIN {PeriodeRpjmd} per ON per.id = n.periode_id AND %(tahun)s BETWEEN per.tahun_awal AND per.tahun_akhir
  LEFT JOIN {Nomenklatur} n1 ON n1.id = n.induk_id
  WHERE p.tahun = %(tahun)s AND NOT EXISTS (
    SELECT 1 FROM {Nomenklatur} c LEFT JOIN {Nomenklatur} gc ON gc.induk_id = c.id
    JOIN {Pagu} cp ON cp.tahun = %(tahun)s AND cp.nomenklatur_id IN (c.id, gc.id)
    WHERE c.induk_id = n.id)
),
ang AS (
  SELECT k.tingkat, k.objek_id, tw.tw, min(u.periode_id) AS periode_id, min(u.opd_id) AS opd_id,
         sum(u.jumlah) AS pagu, COALESCE(sum(ra.realisasi), 0) AS realisasi
  FROM unit u CROSS JOIN generate_series(1, 4) AS tw(tw)
  LEFT JOIN LATERAL (SELECT sum(x.nilai) AS realisasi FROM {RealisasiAnggaran} x
    WHERE x.nomenklatur_id = u.id AND x.tahun = %(tahun)s AND x.triwulan <= tw.tw) ra ON true
  CROSS JOIN LATERAL (VALUES ('opd', u.opd_id), ('program', u.program_id), ('rpjmd', u.periode_id))
    AS k(tingkat, objek_id)
  GROUP BY k.tingkat, k.objek_id, tw.tw
),
baru AS (
  SELECT COALESCE(g.tingkat, ang.tingkat) AS tingkat, COALESCE(g.objek_id, ang.objek_id) AS objek_id,
         COALESCE(g.tw, ang.tw) AS tw, COALESCE(g.periode_id, ang.periode_id) AS periode_id,
         CASE WHEN COALESCE(g.tingkat, ang.tingkat) IN ('opd', 'program')
              THEN COALESCE(g.opd_id, ang.opd_id) ELSE g.opd_id END AS opd_id,
         CASE WHEN g.tingkat = 'rpjmd' THEN misi.capaian ELSE g.capaian END AS capaian,
         COALESCE(g.jumlah_indikator, 0) AS jumlah_indikator, COALESCE(g.jumlah_capaian, 0) AS jumlah_capaian,
         COALESCE(g.jumlah_terisi, 0) AS jumlah_terisi, COALESCE(g.jumlah_berbukti, 0) AS jumlah_berbukti,
         COALESCE(g.jumlah_terverifikasi, 0) AS jumlah_terverifikasi,
         COALESCE(g.sebaran_predikat, ARRAY[]::integer[]) AS sebaran_predikat,
         ang.pagu, ang.realisasi, ang.realisasi * 100 / NULLIF(ang.pagu, 0) AS serapan
  FROM g
  FULL JOIN ang ON ang.tingkat = g.tingkat AND ang.objek_id = g.objek_id AND ang.tw = g.tw
  LEFT JOIN misi ON g.tingkat = 'rpjmd' AND misi.periode_id = g.objek_id AND misi.tw = g.tw
),
akhir AS (
  SELECT baru.*, {predikat} AS predikat,
         CASE WHEN tingkat = 'opd' THEN COALESCE(pl.status, 'draf') ELSE '' END AS status_pelaporan,
         CASE WHEN tingkat = 'opd' THEN j.selesai END AS batas_pelaporan,
         (tingkat = 'opd' AND j.selesai < %(hari_ini)s
          AND COALESCE(pl.status, 'draf') IN ('draf', 'dikembalikan')) IS TRUE AS terlambat
  FROM baru
  LEFT JOIN {PelaporanTriwulan} pl
    ON baru.tingkat = 'opd' AND pl.opd_id = baru.objek_id AND pl.tahun = %(tahun)s AND pl.triwulan = baru.tw
  LEFT JOIN {JadwalTriwulan} j ON j.tahun = %(tahun)s AND j.triwulan = baru.tw
),
hapus AS (
  DELETE FROM {SkorRingkasan} old WHERE old.tahun = %(tahun)s AND NOT EXISTS (
    SELECT 1 FROM akhir WHERE akhir.tingkat = old.tingkat AND akhir.objek_id = old.objek_id
      AND akhir.tw = old.triwulan)
)
INSERT INTO {SkorRingkasan} AS cur (tingkat, objek_id, opd_id, periode_id, tahun, triwulan, capaian, predikat,
  jumlah_indikator, jumlah_capaian, jumlah_terisi, jumlah_berbukti, jumlah_terverifikasi, sebaran_predikat,
  pagu, realisasi_anggaran, serapan, status_pelaporan, batas_pelaporan, terlambat, dihitung)
SELECT tingkat, objek_id, opd_id, periode_id, %(tahun)s, tw, capaian, predikat, jumlah_indikator,
       jumlah_capaian, jumlah_terisi, jumlah_berbukti, jumlah_terverifikasi, sebaran_predikat, pagu,
       realisasi, serapan, status_pelaporan, batas_pelaporan, terlambat, %(sekarang)s
FROM akhir ORDER BY tingkat, objek_id, tw
ON CONFLICT (tingkat, objek_id, tahun, triwulan) DO UPDATE SET
  opd_id = EXCLUDED.opd_id, periode_id = EXCLUDED.periode_id, capaian = EXCLUDED.capaian,
  predikat = EXCLUDED.predikat, jumlah_indikator = EXCLUDED.jumlah_indikator,
  jumlah_capaian = EXCLUDED.jumlah_capaian, jumlah_terisi = EXCLUDED.jumlah_terisi,
  jumlah_berbukti = EXCLUDED.jumlah_berbukti, jumlah_terverifikasi = EXCLUDED.jumlah_terverifikasi,
  sebaran_predikat = EXCLUDED.sebaran_predikat, pagu = EXCLUDED.pagu,
  realisasi_anggaran = EXCLUDED.realisasi_anggaran, serapan = EXCLUDED.serapan,
  status_pelaporan = EXCLUDED.status_pelaporan, batas_pelaporan = EXCLUDED.batas_pelaporan,
  terlambat = EXCLUDED.terlambat, dihitung = EXCLUDED.dihitung
WHERE (cur.opd_id, cur.periode_id, cur.capaian, cur.predikat, cur.jumlah_indikator, cur.jumlah_capaian,
       cur.jumlah_terisi, cur.jumlah_berbukti, cur.jumlah_terverifikasi, cur.sebaran_predikat, cur.pagu,
       cur.realisasi_anggaran, cur.serapan, cur.status_pelaporan, cur.batas_pelaporan, cur.terlambat)
  IS DISTINCT FROM
      (EXCLUDED.opd_id, EXCLUDED.periode_id, EXCLUDED.capaian, EXCLUDED.predikat, EXCLUDED.jumlah_indikator,
       EXCLUDED.jumlah_capaian, EXCLUDED.jumlah_terisi, EXCLUDED.jumlah_berbukti,
       EXCLUDED.jumlah_terverifikasi, EXCLUDED.sebaran_predikat, EXCLUDED.pagu, EXCLUDED.realisasi_anggaran,
       EXCLUDED.serapan, EXCLUDED.status_pelaporan, EXCLUDED.batas_pelaporan, EXCLUDED.terlambat)
"""


def _sql_indikator() -> tuple[str, list]:
    predikat, params = _predikat_sql("d.capaian")
    return SQL_INDIKATOR.format(predikat=predikat, **T), params


def _sql_ringkasan() -> tuple[str, list]:
    predikat, params = _predikat_sql("baru.capaian")
    sebaran = ", ".join("count(*) FILTER (WHERE s.predikat = %s)" for _b in settings.SIPD_PREDIKAT)
    return SQL_RINGKASAN.format(predikat=predikat, sebaran=sebaran, **T), [
        label for _b, label in settings.SIPD_PREDIKAT
    ] + params


def _named(sql: str, positional: list, named: dict) -> tuple[str, dict]:
    """psycopg2 takes one style per statement: turn the positional %s (from settings) into named ones."""
    out, params, pieces = [], dict(named), sql.split("%s")
    if len(pieces) != len(positional) + 1:  # a check that must survive python -O (bandit B101)
        raise ValueError("jumlah parameter SQL tidak cocok")
    for i, piece in enumerate(pieces[:-1]):
        out += [piece, f"%(p{i})s"]
        params[f"p{i}"] = positional[i]
    out.append(pieces[-1])
    return "".join(out), params


def tahun_dengan_periode() -> list[int]:
    """Every year of every RPJMD period."""
    return sorted({t for awal, akhir in PeriodeRpjmd.objects.values_list("tahun_awal", "tahun_akhir")
                   for t in range(awal, akhir + 1)})  # fmt: skip


@transaction.atomic
def hitung_skor(*, tahun: int | Iterable[int] | None = None, opd_ids: Iterable[int] | None = None) -> dict:
    """Recompute the scores of `opd_ids` (None: every OPD) for `tahun` (None: every year of every period),
    and every roll-up of those years. Returns rows written per table."""
    years = tahun_dengan_periode() if tahun is None else [tahun] if isinstance(tahun, int) else list(tahun)
    opd_ids = None if opd_ids is None else sorted(set(opd_ids))
    sql_ind, pos_ind = _sql_indikator()
    sql_sum, pos_sum = _sql_ringkasan()
    ditulis = {"indikator": 0, "ringkasan": 0}
    with connection.cursor() as cur:
        for year in sorted(years):
            cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", [KUNCI_ADVISORY, year])
            # The row estimates of the unnest laterals are far off, which makes JIT compile for seconds.
            cur.execute("SET LOCAL jit = off")
            named = {
                "tahun": year, "semua": opd_ids is None, "opd_ids": opd_ids or [], "sekarang": timezone.now(),
                "batas": settings.SIPD_BATAS_CAPAIAN, "negatif": settings.SIPD_CAPAIAN_NEGATIF,
                "hari_ini": timezone.localdate(),
            }  # fmt: skip
            cur.execute(*_named(sql_ind, pos_ind, named))
            ditulis["indikator"] += cur.rowcount
            cur.execute(*_named(sql_sum, pos_sum, named))
            ditulis["ringkasan"] += cur.rowcount
    transaction.on_commit(segarkan_dasbor)
    log.info("skor dihitung: tahun %s, OPD %s, baris %s", years, opd_ids or "semua", ditulis)
    return ditulis


def segarkan_dasbor() -> None:
    """Drop every cached dashboard: the next view reads the new scores."""
    cache.add(KUNCI_DASBOR, 0, timeout=None)
    try:
        cache.incr(KUNCI_DASBOR)
    except ValueError:  # evicted between add and incr
        cache.set(KUNCI_DASBOR, 1, timeout=None)


def versi_dasbor() -> int:
    return cache.get_or_set(KUNCI_DASBOR, 0, timeout=None)


def kunci_jadwal(opd_id: int, tahun: int) -> str:
    return f"kinerja:skor:terjadwal:{opd_id}:{tahun}"


def jadwalkan_hitung_ulang(opd_id: int, tahun: int) -> None:
    """Schedule a recompute of one OPD's year after the current transaction commits.

    Coalesced: the first call sets a Redis key (SET NX) and queues the task SIPD_SKOR_JEDA_DETIK later;
    calls while the key is set do nothing. The task drops the key before it computes, so an edit made during
    a run schedules the next one. Call it from any service that changes realizations or targets.
    """

    def _jadwalkan():
        from kinerja.tasks import hitung_ulang_skor

        jeda = settings.SIPD_SKOR_JEDA_DETIK
        # The key outlives the countdown, in case the worker is slow to pick the task up; it also expires
        # so a lost task never blocks recomputes for good.
        if cache.add(kunci_jadwal(opd_id, tahun), 1, timeout=jeda * 5 + 60):
            hitung_ulang_skor.apply_async(args=[opd_id, tahun], countdown=jeda)

    transaction.on_commit(_jadwalkan)


def lepas_jadwal(opd_id: int, tahun: int) -> None:
    cache.delete(kunci_jadwal(opd_id, tahun))
