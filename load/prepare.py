"""Data the load test needs on top of seed_demo (run with `manage.py shell < load/prepare.py`, idempotent).

The demo RPJMD's indicators of the demo operators' OPDs, topped up to LOAD_INDIKATOR_PER_OPD by copying
their own (one cell per simulated user, so saves never conflict), with yearly targets, and an open entry
window for the current triwulan. Writes load/.data.json: operator → indicator ids, the year, triwulan and
OPD ids, and signed-in sessions.
"""

import copy
import datetime
import json
import os
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from kinerja.choices import StatusPelaporan
from kinerja.models import Indikator, JadwalTriwulan, PelaporanTriwulan, PeriodeRpjmd, Realisasi, Target
from opd.models import PenugasanPeran
from sipd.models import User

PER_OPD = int(os.environ.get("LOAD_INDIKATOR_PER_OPD", "60"))
today = timezone.localdate()
tahun, triwulan = today.year, (today.month - 1) // 3 + 1
JadwalTriwulan.objects.update_or_create(
    tahun=tahun, triwulan=triwulan,
    defaults={"mulai": today - datetime.timedelta(days=10), "selesai": today + datetime.timedelta(days=60),
              "terkunci": False},
)  # fmt: skip
periode = PeriodeRpjmd.objects.get(tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
data = {"tahun": tahun, "triwulan": triwulan, "operator": {}, "opd": [], "opd_operator": {}}
for tugas in PenugasanPeran.objects.filter(peran="operator_opd").select_related("user", "opd"):
    opd = tugas.opd
    ada = list(Indikator.objects.filter(opd=opd, periode=periode).order_by("pk"))
    salin = []
    for i in range(len(ada), PER_OPD):
        asal = copy.copy(ada[i % len(ada)])
        asal.pk, asal.kode, asal.nama = None, f"BEBAN-{opd.pk}-{i:03d}", f"{asal.nama} (uji beban {i})"
        salin.append(asal)
    baru = Indikator.objects.bulk_create(salin)
    Target.objects.bulk_create(
        [Target(indikator=ind, tahun=t, nilai=Decimal(80)) for ind in baru for t in periode.tahun]
    )
    ids = list(Indikator.objects.filter(opd=opd, periode=periode).order_by("pk").values_list("pk", flat=True))
    data["operator"][tugas.user.username] = ids
    # Every run starts from empty cells in draft, so each simulated user's first save has nothing to
    # conflict with and the triwulan is open for entry.
    Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan=triwulan).delete()
    PelaporanTriwulan.objects.filter(opd=opd, tahun=tahun, triwulan=triwulan).update(
        status=StatusPelaporan.DRAF
    )
    data["opd"].append(opd.pk)
    data["opd_operator"][tugas.user.username] = opd.pk


# Signed-in sessions made here (no password hashing): the 100 users are people already at work, not a
# login storm; the pbkdf2 cost of a sign-in (~0,3 s CPU by design) would otherwise dominate 2 cores.
def _sesi(user) -> str:
    store = SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


SESI = int(os.environ.get("LOAD_SESSIONS_PER_USER", "60"))
akun = [*data["operator"], "bupati", "bappeda"]
data["sesi"] = {u.username: [_sesi(u) for _ in range(SESI)] for u in User.objects.filter(username__in=akun)}
Path(os.environ.get("LOAD_DATA", "load/.data.json")).write_text(json.dumps(data))
print(f"load data: {tahun} TW{triwulan}, {sum(map(len, data['operator'].values()))} indicators")
